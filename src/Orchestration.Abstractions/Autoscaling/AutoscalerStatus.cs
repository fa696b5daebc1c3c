using System.Collections.Immutable;

namespace Orchestration;

/// <summary>An autoscaler's row in the fleet status: its bounds, its last decision and why.</summary>
public sealed class AutoscalerStatus : Snapshot
{
    /// <summary>The service.</summary>
    public required string Workload { get; init; }

    /// <summary>The fewest replicas.</summary>
    public required int MinReplicas { get; init; }

    /// <summary>The most replicas.</summary>
    public required int MaxReplicas { get; init; }

    /// <summary>The replica count when it last decided.</summary>
    public required int Current { get; init; }

    /// <summary>The replica count it set.</summary>
    public required int Desired { get; init; }

    /// <summary>What the metrics proposed before windows, policies and bounds.</summary>
    public required int Recommendation { get; init; }

    /// <summary>The metrics it read.</summary>
    public ImmutableArray<MetricReading> Metrics { get; init; } = [];

    /// <summary>The window, policy or bound that held the change back, if any.</summary>
    public string? LimitedBy { get; init; }

    /// <summary>Why it decided what it did.</summary>
    public required string Reason { get; init; }

    /// <summary>When it last decided.</summary>
    public DateTimeOffset? LastDecision { get; init; }

    /// <summary>When it last changed the replica count.</summary>
    public DateTimeOffset? LastScaled { get; init; }
}
