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

    public Dictionary<string, ReplicaRecord> Replicas { get; } = new(StringComparer.Ordinal);

    /// <summary>Replicas given up when their node was lost; if their containers come back, they are removed.</summary>
    public HashSet<string> Abandoned { get; } = new(StringComparer.Ordinal);

    public int Succeeded { get; set; }

    public int Failed { get; set; }

    /// <summary>Completed or Failed once a job has finished.</summary>
    public WorkloadPhase? Finished { get; set; }

    /// <summary>The revision the job counters belong to; a changed job starts counting again.</summary>
    public string? JobRevision { get; set; }
}
