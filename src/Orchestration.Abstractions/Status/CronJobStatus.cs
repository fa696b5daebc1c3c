using System.Collections.Immutable;

namespace Orchestration;

/// <summary>Where a cron job stands, like <c>kubectl get cronjob</c>: its schedule, its active runs and the finished
/// runs its history limits keep.</summary>
public sealed class CronJobStatus : Snapshot
{
    /// <summary>Whether new runs are held back.</summary>
    public required bool Suspended { get; init; }

    /// <summary>When the last run was scheduled for.</summary>
    public DateTimeOffset? LastScheduleTime { get; init; }

    /// <summary>When the next run is due.</summary>
    public DateTimeOffset? NextScheduleTime { get; init; }

    /// <summary>Runs that have not finished.</summary>
    public required int Active { get; init; }

    /// <summary>Active runs, then finished ones within the history limits, newest first.</summary>
    public ImmutableArray<CronJobRunStatus> Runs { get; init; } = [];
}

/// <summary>One run of a cron job.</summary>
public sealed class CronJobRunStatus : Snapshot
{
    /// <summary>The run's id, unique within the workload.</summary>
    public required string Id { get; init; }

    /// <summary>The time the schedule gave for it.</summary>
    public required DateTimeOffset ScheduledAt { get; init; }

    /// <summary>When it was started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When it completed or failed.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Progressing while it runs, then Completed or Failed.</summary>
    public required WorkloadPhase Phase { get; init; }

    /// <summary>Successful replica exits.</summary>
    public int Succeeded { get; init; }

    /// <summary>Failed replica exits.</summary>
    public int Failed { get; init; }

    /// <summary>Its replicas, with the exit codes and last log lines of the ended ones.</summary>
    public ImmutableArray<ReplicaStatus> Replicas { get; init; } = [];
}
