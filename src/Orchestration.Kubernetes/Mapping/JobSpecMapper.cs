using k8s.Models;

namespace Orchestration.Kubernetes.Mapping;

/// <summary>The spec of one job run: completions, parallelism, backoff limit and the pod template with the job's
/// restart policy. Shared by jobs and by each run of a scheduled job.</summary>
internal static class JobSpecMapper
{
    public static V1JobSpec Map(WorkloadSpec workload, ExportContext context)
        => new()
        {
            Completions = workload.Job.Completions,
            Parallelism = workload.Job.Parallelism,
            BackoffLimit = workload.Job.BackoffLimit,
            Template = PodTemplateMapper.Map(workload, context, RestartPolicy(workload, context)),
        };

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
