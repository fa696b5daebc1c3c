using k8s;
using k8s.Models;
using Orchestration.Kubernetes.Mapping;

namespace Orchestration.Kubernetes;

/// <summary>Exports a fleet as Kubernetes manifests, the way an app model is published for a cluster: the same
/// declaration that runs on Docker becomes Deployments, DaemonSets, Jobs, Services, PodDisruptionBudgets and a
/// NetworkPolicy. What Kubernetes cannot express is listed in <see cref="KubernetesExport.Warnings"/>.</summary>
public static class KubernetesManifests
{
    /// <summary>The manifests of <paramref name="fleet"/>.</summary>
    /// <param name="fleet">The fleet; it is validated first.</param>
    /// <param name="options">Namespace, Secret name, isolation; <see langword="null"/> for the defaults.</param>
    /// <exception cref="SpecValidationException">The fleet is not valid; every problem is listed.</exception>
    public static KubernetesExport From(FleetSpec fleet, KubernetesExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        fleet.EnsureValid();
        var context = new ExportContext(fleet, options ?? KubernetesExportOptions.Default);
        var objects = new List<IKubernetesObject<V1ObjectMeta>>();
        foreach (var workload in fleet.Workloads)
        {
            var mapper = WorkloadKindMappers.Find(workload.Kind);
            if (mapper is null)
            {
                context.Warn($"{ExportContext.PathOf(workload)}.kind", $"is {workload.Kind}, which this export cannot map to Kubernetes yet; the workload is left out");
                continue;
            }

            var controller = mapper.Map(workload, context).ToList();
            objects.Add(controller[0]);
            if (ServiceMapper.Map(workload, context) is { } service)
            {
                objects.Add(service);
            }

            objects.AddRange(controller.Skip(1));
            WorkloadReports.Report(workload, context);
        }

        if (context.Options.IsolateFleet)
        {
            objects.Add(NetworkPolicyMapper.Map(context));
        }

        return new KubernetesExport(objects, [.. context.Warnings], context.Secrets);
    }
}
