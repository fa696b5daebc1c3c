using k8s;
using k8s.Models;

namespace Orchestration.Kubernetes.Mapping;

/// <summary>A job workload becomes a Job with its completions, parallelism, backoff limit and restart policy.</summary>
internal sealed class JobMapper : IWorkloadKindMapper
{
    public WorkloadKind Kind => WorkloadKind.Job;

    public IEnumerable<IKubernetesObject<V1ObjectMeta>> Map(WorkloadSpec workload, ExportContext context)
    {
        var spec = new V1JobSpec
        {
            Completions = workload.Job.Completions,
            Parallelism = workload.Job.Parallelism,
            BackoffLimit = workload.Job.BackoffLimit,
            Template = PodTemplateMapper.Map(workload, context, RestartPolicy(workload, context)),
        };
        yield return ObjectHeader.Set(
            new V1Job { Metadata = context.Metadata(workload.Name, workload), Spec = spec },
            V1Job.KubeGroup,
            V1Job.KubeApiVersion,
            V1Job.KubeKind);
    }

    /// <summary>OnFailure restarts the container in its pod; Never replaces the pod, as the SDK replaces the replica.</summary>
    private static string RestartPolicy(WorkloadSpec workload, ExportContext context)
    {
        switch (workload.Restart.Mode)
        {
            case RestartMode.Never:
                return "Never";
            case RestartMode.OnFailure:
                return "OnFailure";
            default:
                context.Warn($"{ExportContext.PathOf(workload)}.restart.mode", $"is {workload.Restart.Mode}; a Job's pods restart only OnFailure or Never, so the manifests say OnFailure");
                return "OnFailure";
        }
    }
}
