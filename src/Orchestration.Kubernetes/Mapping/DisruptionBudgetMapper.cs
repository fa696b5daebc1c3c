using k8s.Models;

namespace Orchestration.Kubernetes.Mapping;

/// <summary>A PodDisruptionBudget for a service of more than one replica: a node drain takes down no more replicas
/// than a rollout may. A rollout that may take none down still lets a drain take one, or no node could ever drain.</summary>
internal static class DisruptionBudgetMapper
{
    public static V1PodDisruptionBudget? Map(WorkloadSpec workload, ExportContext context)
    {
        if (workload.Replicas <= 1)
        {
            return null;
        }

        var maxUnavailable = workload.Update.MaxUnavailable.Value == 0 ? IntOrPercent.FromCount(1) : workload.Update.MaxUnavailable;
        return ObjectHeader.Set(
            new V1PodDisruptionBudget
            {
                Metadata = context.Metadata(workload.Name, workload),
                Spec = new V1PodDisruptionBudgetSpec
                {
                    MaxUnavailable = UpdateStrategyMapper.IntOrString(maxUnavailable),
                    Selector = new V1LabelSelector { MatchLabels = FleetLabels.Selector(context.Fleet, workload.Name) },
                },
            },
            V1PodDisruptionBudget.KubeGroup,
            V1PodDisruptionBudget.KubeApiVersion,
            V1PodDisruptionBudget.KubeKind);
    }
}
