using System.Collections.Immutable;

namespace Orchestration.Events;

/// <summary>An autoscaler decided: it changed the replica count, or its recommendation or what held it back changed.</summary>
public sealed class AutoscalerDecided : OrchestrationEvent
{
    /// <summary>The replica count before.</summary>
    public required int From { get; init; }

    /// <summary>The replica count after.</summary>
    public required int To { get; init; }

    /// <summary>What the metrics proposed before windows, policies and bounds.</summary>
    public required int Recommendation { get; init; }

    /// <summary>The metrics read, with each value, target and proposal.</summary>
    public ImmutableArray<MetricReading> Metrics { get; init; } = [];

    /// <summary>The stabilization window, rate policy or bound that held the change back, if any.</summary>
    public string? LimitedBy { get; init; }

    /// <summary>Why, in words.</summary>
    public required string Reason { get; init; }

    /// <inheritdoc />
    public override string Message => From == To
        ? $"Autoscaler of '{Workload}' keeps {To} replicas: {Reason}"
        : $"Autoscaler of '{Workload}' scales from {From} to {To} replicas: {Reason}";
}
