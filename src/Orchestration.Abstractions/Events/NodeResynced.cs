namespace Orchestration.Events;

/// <summary>Changes on a node may have been missed (its runtime's event stream broke, or reported a container the
/// orchestrator did not know), so the node's containers were listed again. Between such gaps the orchestrator lists
/// nothing: it follows the event stream and resyncs from what it observed.</summary>
public sealed class NodeResynced : OrchestrationEvent
{
    /// <summary>The node listed again; <see langword="null"/> when every node of a runtime was.</summary>
    public string? Node { get; init; }

    /// <summary>What broke, such as "the event stream of node 'node2' ended".</summary>
    public required string Reason { get; init; }

    /// <summary>Containers of the fleet the list found.</summary>
    public int Containers { get; init; }

    /// <inheritdoc />
    public override string Message => Node is { } node
        ? $"Node '{node}' listed again ({Containers} containers): {Reason}"
        : $"Nodes listed again ({Containers} containers): {Reason}";

    /// <inheritdoc />
    public override bool IsWarning => true;
}
