using k8s;
using k8s.Models;

namespace Orchestration.Kubernetes.Mapping;

/// <summary>A service workload becomes a Deployment, and a PodDisruptionBudget when it has more than one replica.</summary>
internal sealed class ServiceToDeployment : IWorkloadKindMapper
{
    public WorkloadKind Kind => WorkloadKind.Service;

    public IEnumerable<IKubernetesObject<V1ObjectMeta>> Map(WorkloadSpec workload, ExportContext context)
    {
        var spec = new V1DeploymentSpec
        {
            Replicas = workload.Replicas,
            Selector = new V1LabelSelector { MatchLabels = FleetLabels.Selector(context.Fleet, workload.Name) },
            Template = PodTemplateMapper.Map(workload, context, "Always"),
        };
        UpdateStrategyMapper.Apply(spec, workload, context);
        yield return ObjectHeader.Set(
            new V1Deployment { Metadata = context.Metadata(workload.Name, workload), Spec = spec },
            V1Deployment.KubeGroup,
            V1Deployment.KubeApiVersion,
            V1Deployment.KubeKind);

        if (context.Options.DisruptionBudgets && DisruptionBudgetMapper.Map(workload, context) is { } budget)
        {
            yield return budget;
        }
    }
}
