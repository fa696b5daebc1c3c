namespace Orchestration;

/// <summary>Waiting for a fleet ended at once because a workload cannot make progress until something outside
/// changes (<see cref="WorkloadStatus.StalledReason"/>), instead of at the timeout.</summary>
public sealed class WorkloadStalledException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WorkloadStalledException(string workload, string reason, FleetStatus status)
        : base($"Workload '{workload}' cannot make progress: {reason}")
    {
        Workload = workload;
        Reason = reason;
        Status = status;
    }

    /// <summary>The stalled workload.</summary>
    public string Workload { get; }

    /// <summary>Why it cannot make progress.</summary>
    public string Reason { get; }

    /// <summary>The fleet's status when waiting ended.</summary>
    public FleetStatus Status { get; }
}
