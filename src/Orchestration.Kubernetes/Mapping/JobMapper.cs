using k8s;
using k8s.Models;

namespace Orchestration.Kubernetes.Mapping;

/// <summary>A job workload becomes a Job with its completions, parallelism, backoff limit and restart policy.</summary>
internal sealed class JobMapper : IWorkloadKindMapper
{
    public WorkloadKind Kind => WorkloadKind.Job;

    public IEnumerable<IKubernetesObject<V1ObjectMeta>> Map(WorkloadSpec workload, ExportContext context)
    {
        yield return ObjectHeader.Set(
            new V1Job { Metadata = context.Metadata(workload.Name, workload), Spec = JobSpecMapper.Map(workload, context) },
            V1Job.KubeGroup,
            V1Job.KubeApiVersion,
            V1Job.KubeKind);
    }
}
