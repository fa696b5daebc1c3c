namespace Orchestration.Scheduling;

/// <summary>One replica to place: what the scheduler's plugins are asked about. A value type passed by reference,
/// so asking a plugin allocates nothing.</summary>
public readonly struct PlacementRequest
{
    /// <summary>Describes a replica of <paramref name="workload"/> with the id <paramref name="replicaId"/>.</summary>
    public PlacementRequest(WorkloadSpec workload, string replicaId)
    {
        ArgumentNullException.ThrowIfNull(workload);
        Workload = workload;
        ReplicaId = replicaId;
        CpuMillicores = workload.Resources.EffectiveCpuMillicores;
        MemoryBytes = workload.Resources.EffectiveMemoryBytes;
    }

    /// <summary>The workload's spec.</summary>
    public WorkloadSpec Workload { get; }

    /// <summary>The replica's stable id.</summary>
    public string ReplicaId { get; }

    /// <summary>CPU to reserve, in millicores.</summary>
    public long CpuMillicores { get; }

    /// <summary>Memory to reserve, in bytes.</summary>
    public long MemoryBytes { get; }
}
