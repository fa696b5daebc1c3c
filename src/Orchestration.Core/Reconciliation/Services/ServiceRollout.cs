using Orchestration.Rollout;

namespace Orchestration.Reconciliation;

/// <summary>Scaling a service and stepping it to a new revision. A rolling update keeps at most replicas + maxSurge
/// replicas and at least replicas - maxUnavailable available ones at every moment, and replaces old replicas only as
/// new ones become available (ready for the minimum ready time). Recreate stops every old replica before starting new
/// ones.</summary>
internal sealed class ServiceRollout
{
    private readonly ReplicaRemoval _removal;

    public ServiceRollout(ReplicaRemoval removal)
    {
        _removal = removal;
    }

    /// <summary>Keeps <see cref="WorkloadSpec.Replicas"/> replicas when no older revision is left; surplus replicas
    /// leave the endpoints, drain, then stop. Replicas <paramref name="replaced"/> accepts already have a replacement
    /// counted in their place.</summary>
    public async Task ScaleAsync(ReconcileContext ctx, WorkloadSpec spec, Func<ReplicaRecord, bool> replaced, CancellationToken cancellationToken)
    {
        var live = ctx.Book.Replicas.Values.Where(r => r.IsLive && !r.IsLeaving && !replaced(r)).ToList();
        for (var i = live.Count; i < spec.Replicas; i++)
        {
            ctx.NewReplica(spec);
        }

        if (live.Count > spec.Replicas)
        {
            await _removal.RetireAsync(ctx, spec, ReplicaOrder.ScaleDown(live).Take(live.Count - spec.Replicas).ToList(), "scale down", cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task RollStepAsync(ReconcileContext ctx, WorkloadSpec spec, RevisionEntry entry, CancellationToken cancellationToken)
    {
        var n = spec.Replicas;
        var surge = spec.Update.MaxSurge.Resolve(n, roundUp: true);
        var unavailable = spec.Update.MaxUnavailable.Resolve(n, roundUp: false);
        if (surge == 0 && unavailable == 0)
        {
            surge = 1;
        }

        var minReady = spec.Update.MinReadyTime;
        var active = ctx.Book.Replicas.Values.Where(r => r.IsLive && !r.IsLeaving).ToList();
        var current = active.Where(r => r.Revision == spec.Revision).ToList();
        var old = active.Where(r => r.Revision != spec.Revision).ToList();
        if (current.Count > n)
        {
            var surplus = ReplicaOrder.ScaleDown(current).Take(current.Count - n).ToList();
            await _removal.RetireAsync(ctx, spec, surplus, "scale down", cancellationToken).ConfigureAwait(false);
            current = [.. current.Except(surplus)];
        }

        var total = ctx.Book.Replicas.Values.Count(r => r.IsLive);
        var create = Math.Min(n - current.Count, n + surge - total);
        for (var i = 0; i < create; i++)
        {
            ctx.NewReplica(spec);
        }

        var available = active.Count(r => r.IsAvailable(ctx.Now, minReady));
        var retire = new List<ReplicaRecord>();
        foreach (var record in old.OrderBy(r => r.IsReady).ThenBy(r => r.CreatedAt))
        {
            if (!record.IsReady)
            {
                retire.Add(record);
            }
            else if (record.IsAvailable(ctx.Now, minReady) && available - 1 >= n - unavailable)
            {
                available--;
                retire.Add(record);
            }
        }

        await _removal.RetireAsync(ctx, spec, retire, $"replaced by revision {entry.Number}", cancellationToken).ConfigureAwait(false);
        RolloutProgress.RequeueForMinReady(ctx, spec);
    }

    public async Task RecreateStepAsync(ReconcileContext ctx, WorkloadSpec spec, RevisionEntry entry, Func<ReplicaRecord, bool> replaced, CancellationToken cancellationToken)
    {
        var old = ctx.Book.Replicas.Values.Where(r => r.IsLive && !r.IsLeaving && r.Revision != spec.Revision).ToList();
        await _removal.RetireAsync(ctx, spec, old, $"replaced by revision {entry.Number}", cancellationToken).ConfigureAwait(false);
        if (!ctx.Book.Replicas.Values.Any(r => r.IsLive && r.Revision != spec.Revision))
        {
            await ScaleAsync(ctx, spec, replaced, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether only the desired revision runs, with exactly the desired count, all available.</summary>
    public static bool IsDone(ReconcileContext ctx, WorkloadSpec spec)
    {
        var live = ctx.Book.Replicas.Values.Where(r => r.IsLive).ToList();
        RolloutProgress.RequeueForMinReady(ctx, spec);
        return live.Count == spec.Replicas && live.All(r => r.Revision == spec.Revision && !r.IsLeaving && r.IsAvailable(ctx.Now, spec.Update.MinReadyTime));
    }
}
