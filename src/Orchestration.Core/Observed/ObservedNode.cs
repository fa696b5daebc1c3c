using Orchestration.Runtime;

namespace Orchestration.Observed;

/// <summary>A node as last reported, the runtime that owns it, and since when it has not been Ready.</summary>
internal sealed record ObservedNode(NodeInfo Info, IContainerRuntime Runtime, DateTimeOffset? NotReadySince)
{
    /// <summary>The state the reconciler acts on at <paramref name="now"/>: NotReady turns Lost once it has lasted
    /// <paramref name="lostGracePeriod"/>.</summary>
    public NodeState StateAt(DateTimeOffset now, TimeSpan lostGracePeriod)
        => Info.State == NodeState.NotReady && now - (NotReadySince ?? now) >= lostGracePeriod ? NodeState.Lost : Info.State;
}
