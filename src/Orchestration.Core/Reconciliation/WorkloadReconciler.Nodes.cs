using Orchestration.Events;
using Orchestration.Runtime;

namespace Orchestration.Reconciliation;

/// <summary>Node liveness as the reconciler sees it.</summary>
internal sealed partial class WorkloadReconciler
{
    /// <summary>Nodes declared lost, with the start of the outage they were declared lost for.</summary>
    private readonly Dictionary<string, DateTimeOffset> _declaredLost = new(StringComparer.Ordinal);

    /// <summary>Ready; or NotReady within the grace period (asks to run again when it ends); or lost: gone, reported
    /// Lost, or NotReady for longer than <see cref="OrchestrationOptions.NodeLostGracePeriod"/>.</summary>
    private NodeHealth CheckNode(ReconcileContext ctx, string name)
    {
        var node = _observed.Node(name);
        if (node is null || node.Info.State == NodeState.Lost)
        {
            return NodeHealth.Lost;
        }

        switch (node.StateAt(ctx.Now, _nodeLostGracePeriod))
        {
            case NodeState.Ready:
                return NodeHealth.Ready;
            case NodeState.Lost:
                DeclareLost(ctx, name, node.NotReadySince ?? ctx.Now);
                return NodeHealth.Lost;
            default:
                ctx.RequeueAt(node.LostAt(ctx.Now, _nodeLostGracePeriod));
                return NodeHealth.Waiting;
        }
    }

    /// <summary>Whether a leftover container on <paramref name="node"/> can be removed now. A node that does not answer
    /// keeps its leftovers until it is Ready again: its listing still reports its last known containers, and removing
    /// one would only fail, forget that it belongs to a replica given up, and adopt it at the next list.</summary>
    private bool AnswersForRemoval(string node) => _observed.Node(node) is not { } observed || observed.Info.State == NodeState.Ready;

    /// <summary>Publishes <see cref="NodeStateChanged"/> Lost once per outage, when the first reconcile gives up on the
    /// node's replicas.</summary>
    private void DeclareLost(ReconcileContext ctx, string node, DateTimeOffset notReadySince)
    {
        lock (_declaredLost)
        {
            if (_declaredLost.TryGetValue(node, out var since) && since == notReadySince)
            {
                return;
            }

            _declaredLost[node] = notReadySince;
        }

        Emit(new NodeStateChanged { Time = ctx.Now, Fleet = _fleet, Node = node, State = NodeState.Lost });
    }
}
