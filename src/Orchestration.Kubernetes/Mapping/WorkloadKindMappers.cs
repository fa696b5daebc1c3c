namespace Orchestration.Kubernetes.Mapping;

/// <summary>The mapper of each workload kind. A new kind plugs in by adding its mapper to <see cref="All"/>; a kind
/// without one is reported, never dropped silently.</summary>
internal static class WorkloadKindMappers
{
    public static readonly IReadOnlyList<IWorkloadKindMapper> All =
    [
        new ServiceToDeployment(),
        new DaemonSetMapper(),
        new JobMapper(),
        new StatefulSetMapper(),
        new CronJobMapper(),
    ];

    public static IWorkloadKindMapper? Find(WorkloadKind kind) => All.FirstOrDefault(m => m.Kind == kind);
}
