namespace Orchestration.Reconciliation;

/// <summary>The one rule for a workload's desired count and phase from its replica counts: the leader applies it to
/// its books (<see cref="WorkloadStatusPublisher"/>), an instance that does not lead to what it observes
/// (<see cref="Leadership.FollowerView"/>), so both report the same phase for the same replicas.</summary>
internal static class WorkloadPhaseRule
{
    /// <summary>How many replicas the workload should have: a daemon set as many as it runs (one per eligible node),
    /// a job its completions, a cron job none of its own, the others their replica count.</summary>
    public static int Desired(WorkloadSpec spec, int live) => spec.Kind == WorkloadKind.DaemonSet ? live : DesiredOf(spec);

    /// <summary>The desired count a spec states by itself (0 for a daemon set, whose count follows its nodes).</summary>
    public static int DesiredOf(WorkloadSpec spec) => spec.Kind switch
    {
        WorkloadKind.Job => spec.Job.Completions,
        WorkloadKind.DaemonSet or WorkloadKind.CronJob => 0,
        _ => spec.Replicas,
    };

    /// <summary>The phase: a finished job's outcome when there is one; a job still running is Progressing; a cron job is
    /// Paused while suspended, else Available; a service or stateful set whose rollout is paused is Paused; any other
    /// workload is Available when all of its replicas (<paramref name="all"/>, finishing ones included) are the
    /// <paramref name="desired"/> live ones, each ready and of the current revision, else Progressing.</summary>
    public static WorkloadPhase Of(WorkloadSpec spec, WorkloadPhase? finished, bool rolloutPaused, int desired, int all, int live, int ready, int updated)
        => finished ?? spec.Kind switch
        {
            WorkloadKind.Job => WorkloadPhase.Progressing,
            WorkloadKind.CronJob => spec.CronJob.Suspend ? WorkloadPhase.Paused : WorkloadPhase.Available,
            WorkloadKind.Service or WorkloadKind.StatefulSet when rolloutPaused => WorkloadPhase.Paused,
            _ => ready == desired && live == desired && all == desired && updated == live ? WorkloadPhase.Available : WorkloadPhase.Progressing,
        };
}
