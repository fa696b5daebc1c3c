using Orchestration.Runtime;

namespace Orchestration.Reconciliation;

/// <summary>Node liveness as the reconciler sees it.</summary>
internal sealed partial class WorkloadReconciler
{
    /// <summary>Ready; or NotReady within the grace period (asks to run again when it ends); or lost: gone, reported
    /// Lost, or NotReady for longer than <see cref="OrchestrationOptions.NodeLostGracePeriod"/>.</summary>
    private NodeHealth CheckNode(ReconcileContext ctx, string name)
    {
        var node = _observed.Node(name);
        if (node is null || node.Info.State == NodeState.Lost)
        {
            return NodeHealth.Lost;
        }

        if (node.Info.State == NodeState.Ready)
        {
            return NodeHealth.Ready;
        }

        var lostAt = (node.NotReadySince ?? ctx.Now) + _nodeLostGracePeriod;
        if (ctx.Now >= lostAt)
        {
            return NodeHealth.Lost;
        }

        ctx.RequeueAt(lostAt);
        return NodeHealth.Waiting;
    }
}
