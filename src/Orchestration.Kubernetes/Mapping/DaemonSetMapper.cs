using k8s;
using k8s.Models;

namespace Orchestration.Kubernetes.Mapping;

/// <summary>A daemon set workload becomes a DaemonSet: one pod on every node its placement allows.</summary>
internal sealed class DaemonSetMapper : IWorkloadKindMapper
{
    public WorkloadKind Kind => WorkloadKind.DaemonSet;

    public IEnumerable<IKubernetesObject<V1ObjectMeta>> Map(WorkloadSpec workload, ExportContext context)
    {
        var spec = new V1DaemonSetSpec
        {
            Selector = new V1LabelSelector { MatchLabels = FleetLabels.Selector(context.Fleet, workload.Name) },
            Template = PodTemplateMapper.Map(workload, context, "Always"),
        };
        UpdateStrategyMapper.Apply(spec, workload, context);
        yield return ObjectHeader.Set(
            new V1DaemonSet { Metadata = context.Metadata(workload.Name, workload), Spec = spec },
            V1DaemonSet.KubeGroup,
            V1DaemonSet.KubeApiVersion,
            V1DaemonSet.KubeKind);
    }
}
