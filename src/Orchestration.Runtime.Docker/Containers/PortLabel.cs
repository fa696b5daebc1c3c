using System.Collections.Immutable;
using System.Globalization;

namespace Orchestration.Runtime.Docker.Containers;

/// <summary>Records a workload's port names on its containers (<c>io.orchestration.ports=http=8080/tcp,…</c>), so that
/// published ports can be reported by name after a restart of the orchestrator, from the container alone.</summary>
internal static class PortLabel
{
    public const string Key = OrchestrationLabels.Prefix + "ports";

    public static string Format(ImmutableArray<PortSpec> ports)
        => string.Join(',', ports.Select(p => $"{p.Name}={DockerPort(p)}"));

    /// <summary>Port name to Docker's port key ("8080/tcp").</summary>
    public static IReadOnlyDictionary<string, string> Parse(string? label)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(label))
        {
            return result;
        }

        foreach (var entry in label.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                result[entry[..equals]] = entry[(equals + 1)..];
            }
        }

        return result;
    }

    public static string DockerPort(PortSpec port)
        => string.Create(CultureInfo.InvariantCulture, $"{port.ContainerPort}/{(port.Protocol == PortProtocol.Udp ? "udp" : "tcp")}");
}
