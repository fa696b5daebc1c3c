using Orchestration.Observed;
using Orchestration.Rollout;
using Orchestration.Runtime;
using Orchestration.Scheduling;

namespace Orchestration.Reconciliation;

/// <summary>Daemon sets: one replica on every ready node the placement allows; replicas follow nodes in and out, and
/// move to a new revision node by node.</summary>
internal sealed class DaemonSetController : IWorkloadController
{
    private static readonly TimeSpan ReturningContainerRecheck = TimeSpan.FromSeconds(1);
    private readonly ReplicaPipeline _pipeline;
    private readonly ReplicaRemoval _removal;
    private readonly ObservedState _observed;
    private readonly RolloutStore _rollouts;

    public DaemonSetController(ReplicaPipeline pipeline, ReplicaRemoval removal, ObservedState observed, RolloutStore rollouts)
    {
        _pipeline = pipeline;
        _removal = removal;
        _observed = observed;
        _rollouts = rollouts;
    }

    public WorkloadKind Kind => WorkloadKind.DaemonSet;

    public async Task ReconcileAsync(ReconcileContext ctx, WorkloadSpec spec, CancellationToken cancellationToken)
    {
        if (!await _pipeline.BeginAsync(ctx, spec, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await FollowNodesAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
        await _pipeline.EndAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
    }

    public Task DeleteAsync(ReconcileContext ctx, WorkloadSpec? last, CancellationToken cancellationToken)
        => _removal.RemoveEverythingAsync(ctx, "belongs to no desired workload", cancellationToken);

    private async Task FollowNodesAsync(ReconcileContext ctx, WorkloadSpec spec, CancellationToken cancellationToken)
    {
        var nodes = _observed.Nodes();
        _rollouts.Of(ctx.Workload).Record(spec);
        await RollAsync(ctx, spec, nodes, cancellationToken).ConfigureAwait(false);
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
            if (eligible && !waiting && replicas.Count == 0)
            {
                // A node that is not ready keeps its place: its replica comes back with it (as Kubernetes leaves a
                // daemon pod bound to an unreachable node), and a replacement started meanwhile would run beside it.
                // A node that answers again with a container of this daemon set gets no new replica either until that
                // container is taken back or removed (the next sync does either, once the node answers for removal).
                if (HoldsLiveContainer(ctx, node.Info.Name))
                {
                    ctx.RequeueIn(ReturningContainerRecheck);
                }
                else
                {
                    ctx.NewReplica(spec, node.Info.Name);
                }
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
        await _removal.RemoveAsync(ctx, spec, surplus, "the node is no longer eligible for this daemon set", cancellationToken).ConfigureAwait(false);
    }

    private static bool HoldsLiveContainer(ReconcileContext ctx, string node)
        => ctx.Containers.Any(c => c.Ref.Node == node && c.State is ContainerState.Running or ContainerState.Created);

    /// <summary>Replaces replicas of another revision like Kubernetes' RollingUpdate for daemon sets: a node's old replica
    /// is stopped before its new one starts (one replica per node), and ready old replicas are retired only while fewer
    /// than maxUnavailable eligible nodes (at least one) lack a ready replica. Old replicas that are not ready go at
    /// once; Recreate retires every old replica at once.</summary>
    private async Task RollAsync(ReconcileContext ctx, WorkloadSpec spec, IReadOnlyList<ObservedNode> nodes, CancellationToken cancellationToken)
    {
        var live = ctx.Book.Replicas.Values.Where(r => r.IsLive && r.PinnedNode is not null).ToList();
        var old = live.Where(r => r.Revision != spec.Revision && !r.IsLeaving).ToList();
        if (old.Count == 0)
        {
            return;
        }

        var eligible = nodes.Where(n => n.Info.State == NodeState.Ready && PlacementRules.IsEligible(spec, n.Info)).Select(n => n.Info.Name).ToList();
        var budget = spec.Update.Kind == UpdateKind.Recreate
            ? old.Count
            : Math.Max(1, spec.Update.MaxUnavailable.Resolve(eligible.Count, roundUp: false));
        var unavailable = eligible.Count(node => !live.Any(r => r.PinnedNode == node && r.IsReady));
        var retire = old.Where(r => !r.IsReady)
            .Concat(old.Where(r => r.IsReady).OrderBy(r => r.PinnedNode, StringComparer.Ordinal).Take(Math.Max(0, budget - unavailable)))
            .ToList();
        await _removal.RetireAsync(ctx, spec, retire, $"revision {spec.Revision} replaces it", cancellationToken).ConfigureAwait(false);
    }
}
