using System.Globalization;
using k8s.Models;

namespace Orchestration.Kubernetes.Mapping;

/// <summary>CPU in millicores and memory in bytes as request and limit quantities. A request left unset stays unset:
/// Kubernetes then takes the limit, as the SDK does.</summary>
internal static class ResourceMapper
{
    public static V1ResourceRequirements? Map(WorkloadSpec workload, ExportContext context)
    {
        var r = workload.Resources;
        if (r.PidsLimit is { } pids)
        {
            context.Warn(
                $"{ExportContext.PathOf(workload)}.resources.pidsLimit",
                $"is {pids.ToString(CultureInfo.InvariantCulture)}; Kubernetes limits processes per node (the kubelet's podPidsLimit), not per workload, so the manifests carry no process limit");
        }

        var requests = Quantities(r.CpuRequestMillicores, r.MemoryRequestBytes);
        var limits = Quantities(r.CpuLimitMillicores, r.MemoryLimitBytes);
        return requests is null && limits is null ? null : new V1ResourceRequirements { Requests = requests, Limits = limits };
    }

    /// <summary>"250m", "2" for whole cores.</summary>
    public static ResourceQuantity Cpu(long millicores)
        => new(millicores % 1000 == 0
            ? (millicores / 1000).ToString(CultureInfo.InvariantCulture)
            : $"{millicores.ToString(CultureInfo.InvariantCulture)}m");

    /// <summary>The largest binary suffix that divides the byte count exactly: "64Mi", "1Gi", or plain bytes.</summary>
    public static ResourceQuantity Memory(long bytes)
    {
        foreach (var (suffix, factor) in new[] { ("Ti", 1L << 40), ("Gi", 1L << 30), ("Mi", 1L << 20), ("Ki", 1L << 10) })
        {
            if (bytes % factor == 0)
            {
                return new ResourceQuantity($"{(bytes / factor).ToString(CultureInfo.InvariantCulture)}{suffix}");
            }
        }

        return new ResourceQuantity(bytes.ToString(CultureInfo.InvariantCulture));
    }

    private static Dictionary<string, ResourceQuantity>? Quantities(long? cpu, long? memory)
    {
        if (cpu is null && memory is null)
        {
            return null;
        }

        var result = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal);
        if (cpu is { } c)
        {
            result["cpu"] = Cpu(c);
        }

        if (memory is { } m)
        {
            result["memory"] = Memory(m);
        }

        return result;
    }
}
