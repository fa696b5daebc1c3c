namespace Orchestration.Events;

/// <summary>A decision or observation of the orchestrator. Every event is published on
/// <see cref="IOrchestrator.Events"/> and logged; <see cref="Message"/> is the text that is logged.</summary>
public abstract record OrchestrationEvent
{
    /// <summary>When it happened, by the orchestrator's <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The fleet.</summary>
    public required string Fleet { get; init; }

    /// <summary>The workload it concerns, if any.</summary>
    public string? Workload { get; init; }

    /// <summary>A one-line human-readable description, free of secret values.</summary>
    public abstract string Message { get; }

    /// <summary>Whether the event reports something going wrong (logged as a warning).</summary>
    public virtual bool IsWarning => false;
}
