using Orchestration.Runtime;

namespace Orchestration.Events;

/// <summary>A node appeared, changed state or disappeared.</summary>
public sealed class NodeStateChanged : OrchestrationEvent
{
    /// <summary>The node.</summary>
    public required string Node { get; init; }

    /// <summary>Its new state; <see langword="null"/> when it is gone.</summary>
    public NodeState? State { get; init; }

    /// <summary>Why it is not Ready, when its runtime knows.</summary>
    public string? Reason { get; init; }

    /// <inheritdoc />
    public override string Message => State is { } s
        ? Reason is { } reason && s != NodeState.Ready ? $"Node '{Node}' is {s}: {reason}" : $"Node '{Node}' is {s}"
        : $"Node '{Node}' is gone";

    /// <inheritdoc />
    public override bool IsWarning => State != NodeState.Ready;
}
