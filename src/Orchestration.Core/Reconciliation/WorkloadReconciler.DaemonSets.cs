using Orchestration.Runtime;
using Orchestration.Scheduling;

namespace Orchestration.Reconciliation;

/// <summary>Daemon sets: one replica on every ready node the placement allows; replicas follow nodes in and out.</summary>
internal sealed partial class WorkloadReconciler
{
    private async Task FollowNodesAsync(ReconcileContext ctx, WorkloadSpec spec, CancellationToken cancellationToken)
    {
        var nodes = _observed.Nodes();
        var byNode = ctx.Book.Replicas.Values.Where(r => r.IsLive && r.PinnedNode is not null)
            .GroupBy(r => r.PinnedNode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.IsReady).ThenBy(r => r.CreatedAt).ToList(), StringComparer.Ordinal);

        var surplus = new List<ReplicaRecord>();
        foreach (var node in nodes)
        {
            var eligible = PlacementRules.IsEligible(spec, node.Info);
            var waiting = node.Info.State == NodeState.NotReady;
            byNode.Remove(node.Info.Name, out var replicas);
            replicas ??= [];
            if (eligible && replicas.Count == 0)
            {
                NewReplica(ctx, spec, node.Info.Name);
            }
            else if (!eligible && !waiting)
            {
                surplus.AddRange(replicas);
            }
            else
            {
                surplus.AddRange(replicas.Skip(1));
            }
        }

        surplus.AddRange(byNode.Values.SelectMany(r => r));
        await RemoveReplicasAsync(ctx, spec, surplus, "the node is no longer eligible for this daemon set", cancellationToken).ConfigureAwait(false);
    }
}
