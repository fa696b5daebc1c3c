namespace Orchestration.Reconciliation;

/// <summary>The controller's memory of one workload: its replicas, ids of replicas given up for lost, and a job's
/// counters. Only the reconcile of the workload touches it (the work queue guarantees one at a time).</summary>
internal sealed class WorkloadBook
{
    public WorkloadBook(string name)
    {
        Name = name;
    }

    public string Name { get; }

    /// <summary>The spec last reconciled, to clean up with the right controller once the workload is gone.</summary>
    public WorkloadSpec? LastSpec { get; set; }

    public Dictionary<string, ReplicaRecord> Replicas { get; } = new(StringComparer.Ordinal);

    /// <summary>Replicas given up when their node was lost; if their containers come back, they are removed.</summary>
    public HashSet<string> Abandoned { get; } = new(StringComparer.Ordinal);

    public int Succeeded { get; set; }

    public int Failed { get; set; }

    /// <summary>Completed or Failed once a job has finished.</summary>
    public WorkloadPhase? Finished { get; set; }

    /// <summary>Whether the workload's dependencies were met once (it may start).</summary>
    public bool DependenciesMet { get; set; }

    /// <summary>The revision whose rollout was last started.</summary>
    public string? RolloutRevision { get; set; }

    /// <summary>When the current rollout last made progress (started, or one more new replica became available).</summary>
    public DateTimeOffset RolloutProgressAt { get; set; }

    /// <summary>New replicas available at the last progress.</summary>
    public int RolloutProgress { get; set; }

    /// <summary>The revision a rollout failure was already handled for (so it is reported once).</summary>
    public string? FailedRevision { get; set; }

    /// <summary>The revision the job counters belong to; a changed job starts counting again.</summary>
    public string? JobRevision { get; set; }

    /// <summary>A stateful set's ordinals → the node that holds their volumes, once placed there.</summary>
    public Dictionary<int, string> VolumeNodes { get; } = [];

    /// <summary>The cron job run this book is the memory of; <see langword="null"/> for a workload's own book.</summary>
    public string? RunId { get; init; }

    /// <summary>A cron job's schedule and runs.</summary>
    public CronJobState? Cron { get; set; }
}
