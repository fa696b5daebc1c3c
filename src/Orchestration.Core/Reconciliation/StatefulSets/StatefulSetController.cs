using Orchestration.Rollout;
using Orchestration.Runtime;

namespace Orchestration.Reconciliation;

/// <summary>Stateful sets (Kubernetes' StatefulSet controller): replicas with a stable ordinal identity, a DNS name and
/// volumes of their own. OrderedReady starts ordinal n only once 0 … n-1 are ready and scales down from the highest
/// ordinal, one at a time; Parallel does both at once. A new revision replaces replicas in place, from the highest
/// ordinal down to the partition, one at a time and only while every replica is ready. A replica never has two
/// containers: its old container is gone before a new one starts, and it is never replaced on another node (its
/// volumes are on its node), so it waits for a lost node to come back.</summary>
internal sealed class StatefulSetController : IWorkloadController
{
    private readonly ReplicaPipeline _pipeline;
    private readonly ReplicaRemoval _removal;
    private readonly ContainerControl _containers;
    private readonly StatefulVolumes _volumes;
    private readonly RolloutProgress _progress;
    private readonly RolloutStore _rollouts;

    public StatefulSetController(ReplicaPipeline pipeline, ReplicaRemoval removal, ContainerControl containers, StatefulVolumes volumes, RolloutProgress progress, RolloutStore rollouts)
    {
        _pipeline = pipeline;
        _removal = removal;
        _containers = containers;
        _volumes = volumes;
        _progress = progress;
        _rollouts = rollouts;
    }

    public WorkloadKind Kind => WorkloadKind.StatefulSet;

    public async Task ReconcileAsync(ReconcileContext ctx, WorkloadSpec spec, CancellationToken cancellationToken)
    {
        if (!await _pipeline.BeginAsync(ctx, spec, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        _volumes.Learn(ctx);
        await ScaleDownAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
        await UpdateAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
        ScaleUp(ctx, spec);
        await RemoveEarlierContainersAsync(ctx, cancellationToken).ConfigureAwait(false);
        var ordered = spec.StatefulSet.PodManagement == PodManagementPolicy.OrderedReady;
        await _pipeline.EndAsync(ctx, spec, cancellationToken, ordered ? r => PredecessorsReady(ctx, r) : null).ConfigureAwait(false);
        _volumes.Learn(ctx);
    }

    public async Task DeleteAsync(ReconcileContext ctx, WorkloadSpec? last, CancellationToken cancellationToken)
    {
        var ordinals = ctx.Book.VolumeNodes.ToList();
        await _removal.RemoveEverythingAsync(ctx, "belongs to no desired workload", cancellationToken).ConfigureAwait(false);
        if (last?.StatefulSet.WhenDeleted == VolumeRetention.Delete)
        {
            foreach (var (ordinal, node) in ordinals)
            {
                await _volumes.DeleteAsync(ctx, last, ordinal, node, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private ReplicaRecord? Of(ReconcileContext ctx, int ordinal)
        => ctx.Book.Replicas.TryGetValue(StatefulIdentity.ReplicaId(ordinal), out var r) ? r : null;

    private void ScaleUp(ReconcileContext ctx, WorkloadSpec spec)
    {
        for (var ordinal = 0; ordinal < spec.Replicas; ordinal++)
        {
            if (Of(ctx, ordinal) is null)
            {
                ctx.NewReplica(spec, ctx.Book.VolumeNodes.GetValueOrDefault(ordinal), ordinal);
            }
        }
    }

    /// <summary>Removes ordinals at or above the replica count, highest first; OrderedReady removes one per reconcile
    /// and only while the replicas below it are ready, as Kubernetes does.</summary>
    private async Task ScaleDownAsync(ReconcileContext ctx, WorkloadSpec spec, CancellationToken cancellationToken)
    {
        var surplus = ctx.Book.Replicas.Values.Where(r => r.Ordinal >= spec.Replicas).OrderByDescending(r => r.Ordinal).ToList();
        if (surplus.Count == 0)
        {
            return;
        }

        if (spec.StatefulSet.PodManagement == PodManagementPolicy.OrderedReady)
        {
            var below = ctx.Book.Replicas.Values.Where(r => r.Ordinal < spec.Replicas);
            if (below.Any(r => !r.IsReady) && surplus[0].IsReady)
            {
                return;
            }

            surplus = [surplus[0]];
        }

        var ordinals = surplus.Select(r => (Ordinal: r.Ordinal!.Value, r.Node)).ToList();
        await _removal.RemoveAsync(ctx, spec, surplus, "scale down", cancellationToken).ConfigureAwait(false);
        if (spec.StatefulSet.WhenScaled == VolumeRetention.Delete)
        {
            foreach (var (ordinal, node) in ordinals)
            {
                await _volumes.DeleteAsync(ctx, spec, ordinal, node ?? ctx.Book.VolumeNodes.GetValueOrDefault(ordinal), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Replaces one outdated replica at a time, the highest ordinal at or above the partition first, only
    /// while every replica is ready: its container is stopped and removed, and a replica of the new revision with the
    /// same ordinal (and volumes) takes its place.</summary>
    private async Task UpdateAsync(ReconcileContext ctx, WorkloadSpec spec, CancellationToken cancellationToken)
    {
        var history = _rollouts.Of(ctx.Workload);
        var entry = history.Record(spec);
        var partition = spec.StatefulSet.Partition;
        var outdated = ctx.Book.Replicas.Values
            .Where(r => r.Ordinal >= partition && r.Ordinal < spec.Replicas && r.Revision != spec.Revision)
            .OrderByDescending(r => r.Ordinal).ToList();
        var lastGood = history.LastGood;
        if (outdated.Count == 0)
        {
            if (lastGood != spec.Revision && Done(ctx, spec))
            {
                if (lastGood is null)
                {
                    history.MarkGood(spec.Revision);
                }
                else
                {
                    _progress.Complete(ctx, history, entry);
                }
            }

            return;
        }

        _progress.Begin(ctx, spec, history, entry, rollingOut: true);
        if (history.PausedReason is not null || _progress.MissedDeadline(ctx, spec, history, entry))
        {
            return;
        }

        var next = outdated[0];
        if (next.IsReady && ctx.Book.Replicas.Values.Any(r => r != next && r.IsLive && !r.IsReady))
        {
            return;
        }

        var ordinal = next.Ordinal!.Value;
        var pinned = next.PinnedNode;
        await _removal.RemoveAsync(ctx, spec, [next], $"replaced by revision {entry.Number}", cancellationToken).ConfigureAwait(false);
        ctx.NewReplica(spec, pinned ?? ctx.Book.VolumeNodes.GetValueOrDefault(ordinal), ordinal);
    }

    private static bool Done(ReconcileContext ctx, WorkloadSpec spec)
    {
        RolloutProgress.RequeueForMinReady(ctx, spec);
        var live = ctx.Book.Replicas.Values.Where(r => r.IsLive).ToList();
        return live.Count == spec.Replicas && live.All(r => r.IsAvailable(ctx.Now, spec.Update.MinReadyTime));
    }

    /// <summary>A replica whose earlier container still exists (it ended and its background removal has not finished)
    /// starts only once that container is gone, so an ordinal never has two containers and a volume is never mounted
    /// by two.</summary>
    private async Task RemoveEarlierContainersAsync(ReconcileContext ctx, CancellationToken cancellationToken)
    {
        foreach (var c in ctx.Containers)
        {
            if (c.Label(OrchestrationLabels.Replica) is { } id && ctx.Book.Replicas.TryGetValue(id, out var record)
                && record.Container?.Id != c.Ref.Id && _containers.IsReady(c.Ref.Node))
            {
                await _containers.StopAndRemoveAsync(ctx.Workload, c.Ref, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool PredecessorsReady(ReconcileContext ctx, ReplicaRecord record)
    {
        for (var ordinal = 0; ordinal < record.Ordinal; ordinal++)
        {
            if (!ctx.Book.Replicas.TryGetValue(StatefulIdentity.ReplicaId(ordinal), out var r) || !r.IsReady)
            {
                return false;
            }
        }

        return true;
    }
}
