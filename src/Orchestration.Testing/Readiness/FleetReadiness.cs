namespace Orchestration.Testing.Readiness;

/// <summary>When a test fleet counts as ready: every service and daemon set Available, every job Completed.</summary>
internal static class FleetReadiness
{
    public static bool IsReady(WorkloadSpec spec, WorkloadStatus? status)
        => status is not null && status.Revision == spec.Revision && (spec.Kind == WorkloadKind.Job
            ? status.Phase == WorkloadPhase.Completed
            : status.Phase == WorkloadPhase.Available);

    public static bool IsReady(FleetSpec fleet, FleetStatus status)
        => fleet.Workloads.All(w => IsReady(w, status[w.Name]));

    /// <summary>Ready, or beyond hope: a job failed.</summary>
    public static bool IsSettled(FleetSpec fleet, FleetStatus status)
        => IsReady(fleet, status) || status.Workloads.Any(w => w.Kind == WorkloadKind.Job && w.Phase == WorkloadPhase.Failed);
}
