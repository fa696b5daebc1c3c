using Orchestration.Events;

namespace Orchestration.LeaderElection;

/// <summary>The leader removed a container that a deposed leader created after the hand-over (its term label is older
/// than the leader's term).</summary>
public sealed class LateWriteUndone : OrchestrationEvent
{
    /// <summary>The removed container's id.</summary>
    public required string ContainerId { get; init; }

    /// <summary>The term it was created in.</summary>
    public required long ContainerTerm { get; init; }

    /// <summary>The leader's term.</summary>
    public required long Term { get; init; }

    /// <inheritdoc />
    public override string Message
        => $"Removed container {ContainerId[..Math.Min(12, ContainerId.Length)]} of workload '{Workload}': created in term {ContainerTerm} by a deposed leader after term {Term} began";

    /// <inheritdoc />
    public override bool IsWarning => true;
}
