namespace Orchestration.Autoscaling;

/// <summary>What was read of one metric for a decision: per replica (CPU, memory, balancer metrics) or one total for
/// the service (custom and instrument metrics); neither when it is missing.</summary>
internal sealed record MetricObservation(MetricTarget Target)
{
    /// <summary>Per-replica values.</summary>
    public IReadOnlyList<ReplicaValue>? Replicas { get; init; }

    /// <summary>The service's total.</summary>
    public double? Total { get; init; }

    /// <summary>Whether not-ready replicas are left out as the HPA does for CPU (their usage while starting says
    /// nothing about load).</summary>
    public bool IgnoreNotReady => Target.Source == MetricSource.Cpu;
}
