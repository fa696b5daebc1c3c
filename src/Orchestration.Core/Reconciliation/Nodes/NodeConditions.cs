using Microsoft.Extensions.Options;
using Orchestration.Events;
using Orchestration.Observed;
using Orchestration.Runtime;

namespace Orchestration.Reconciliation;

/// <summary>Node liveness as the controllers act on it, derived from the observed node and the clock: Ready; NotReady
/// within <see cref="OrchestrationOptions.NodeLostGracePeriod"/> (wait); or lost — gone, reported Lost, or NotReady for
/// longer. <see cref="NodeStateChanged"/> Lost is published once per outage, by whoever sees it first: the node
/// lifecycle controller at the end of the grace period, or a workload reconcile that reads the node after it.</summary>
internal sealed class NodeConditions
{
    private readonly ObservedState _observed;
    private readonly EventHub _events;
    private readonly TimeSpan _grace;
    private readonly string _fleet;

    /// <summary>Nodes declared lost, with the start of the outage they were declared lost for.</summary>
    private readonly Dictionary<string, DateTimeOffset> _declaredLost = new(StringComparer.Ordinal);

    public NodeConditions(ObservedState observed, EventHub events, IOptions<OrchestrationOptions> options)
    {
        _observed = observed;
        _events = events;
        _grace = options.Value.NodeLostGracePeriod;
        _fleet = options.Value.FleetName;
    }

    /// <summary>The node's health at <paramref name="now"/>, and when a waiting node will be declared lost.</summary>
    public (NodeHealth Health, DateTimeOffset? LostAt) Check(string name, DateTimeOffset now)
    {
        var node = _observed.Node(name);
        if (node is null || node.Info.State == NodeState.Lost)
        {
            return (NodeHealth.Lost, null);
        }

        switch (node.StateAt(now, _grace))
        {
            case NodeState.Ready:
                return (NodeHealth.Ready, null);
            case NodeState.Lost:
                DeclareLost(name, node.NotReadySince ?? now, now);
                return (NodeHealth.Lost, null);
            default:
                return (NodeHealth.Waiting, node.LostAt(now, _grace));
        }
    }

    /// <summary>Whether a leftover container on <paramref name="node"/> can be removed now. A node that does not answer
    /// keeps its leftovers until it is Ready again: its listing still reports its last known containers, and removing
    /// one would only fail, forget that it belongs to a replica given up, and adopt it at the next list.</summary>
    public bool AnswersForRemoval(string node) => _observed.Node(node) is not { } observed || observed.Info.State == NodeState.Ready;

    private void DeclareLost(string node, DateTimeOffset notReadySince, DateTimeOffset now)
    {
        lock (_declaredLost)
        {
            if (_declaredLost.TryGetValue(node, out var since) && since == notReadySince)
            {
                return;
            }

            _declaredLost[node] = notReadySince;
        }

        _events.Publish(new NodeStateChanged { Time = now, Fleet = _fleet, Node = node, State = NodeState.Lost });
    }
}
