using Orchestration.Runtime;

namespace Orchestration.Observed;

/// <summary>A node as last reported, the runtime that owns it, and since when it has not been Ready.</summary>
internal sealed record ObservedNode(NodeInfo Info, IContainerRuntime Runtime, DateTimeOffset? NotReadySince)
{
    /// <summary>The state the reconciler acts on at <paramref name="now"/>: NotReady turns Lost at
    /// <see cref="LostAt"/>. The reconciler, the status and the metrics all read it here.</summary>
    public NodeState StateAt(DateTimeOffset now, TimeSpan lostGracePeriod)
        => Info.State == NodeState.NotReady && now >= LostAt(now, lostGracePeriod) ? NodeState.Lost : Info.State;

    /// <summary>When a NotReady node is declared lost: <paramref name="lostGracePeriod"/> after it stopped being Ready.</summary>
    public DateTimeOffset LostAt(DateTimeOffset now, TimeSpan lostGracePeriod) => (NotReadySince ?? now) + lostGracePeriod;
}
