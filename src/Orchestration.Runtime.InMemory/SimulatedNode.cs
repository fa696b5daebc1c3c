using Orchestration.Runtime;

namespace Orchestration.InMemory;

/// <summary>One simulated node: what it reports and whether it answers.</summary>
internal sealed class SimulatedNode
{
    public required NodeInfo Info { get; set; }

    public bool Reachable => Info.State == NodeState.Ready;
}
