namespace Orchestration.Events;

/// <summary>A new desired state was validated and stored.</summary>
public sealed class FleetApplied : OrchestrationEvent
{
    /// <summary>Workload names and their revisions.</summary>
    public required IReadOnlyDictionary<string, string> Revisions { get; init; }

    /// <inheritdoc />
    public override string Message => $"Fleet '{Fleet}' applied with {Revisions.Count} workloads: {string.Join(", ", Revisions.Select(r => $"{r.Key}@{r.Value}"))}";
}

/// <summary>A workload's desired replica count changed.</summary>
public sealed class WorkloadScaled : OrchestrationEvent
{
    /// <summary>The previous count.</summary>
    public required int From { get; init; }

    /// <summary>The new count.</summary>
    public required int To { get; init; }

    /// <inheritdoc />
    public override string Message => $"Workload '{Workload}' scaled from {From} to {To} replicas";
}
