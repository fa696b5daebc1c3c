using k8s;
using k8s.Models;

namespace Orchestration.Kubernetes.Mapping;

/// <summary>Turns the workloads of one kind into their Kubernetes controller object (and whatever else belongs only to
/// that kind). The Service, the pod template and the fleet's NetworkPolicy are shared and made elsewhere.</summary>
internal interface IWorkloadKindMapper
{
    /// <summary>The kind this mapper handles.</summary>
    WorkloadKind Kind { get; }

    /// <summary>The objects of <paramref name="workload"/>, in the order they are written.</summary>
    IEnumerable<IKubernetesObject<V1ObjectMeta>> Map(WorkloadSpec workload, ExportContext context);
}
