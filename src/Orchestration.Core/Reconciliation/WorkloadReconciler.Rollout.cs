using System.Globalization;
using Orchestration.Events;
using Orchestration.Rollout;

namespace Orchestration.Reconciliation;

/// <summary>Services: scaling, and moving to a new revision. A rolling update keeps at most replicas + maxSurge
/// replicas and at least replicas - maxUnavailable available ones at every moment, and replaces old replicas only as
/// new ones become available (ready for the minimum ready time). A rollout that makes no progress within its deadline
/// rolls back to the last good revision, or pauses. Recreate stops every old replica before starting new ones.</summary>
internal sealed partial class WorkloadReconciler
{
    private async Task UpdateServiceAsync(ReconcileContext ctx, WorkloadSpec spec, CancellationToken cancellationToken)
    {
        var history = _rollouts.Of(ctx.Workload);
        var entry = history.Record(spec);
        var book = ctx.Book;
        var lastGood = history.LastGood;
        var rollingOut = lastGood is not null && lastGood != spec.Revision;
        var hasOld = book.Replicas.Values.Any(r => r.IsLive && r.Revision != spec.Revision);
        if (!rollingOut && !hasOld)
        {
            await ScaleAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
            if (lastGood is null && RolloutDone(ctx, spec))
            {
                history.MarkGood(spec.Revision);
            }

            return;
        }

        BeginRollout(ctx, spec, history, entry, rollingOut);
        if (history.PausedReason is not null)
        {
            return;
        }

        if (rollingOut && HandleDeadline(ctx, spec, history, entry))
        {
            return;
        }

        if (spec.Update.Kind == UpdateKind.Recreate)
        {
            await RecreateStepAsync(ctx, spec, entry, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await RollStepAsync(ctx, spec, entry, cancellationToken).ConfigureAwait(false);
        }

        if (RolloutDone(ctx, spec))
        {
            history.MarkGood(spec.Revision);
            Emit(new RolloutCompleted { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, Revision = entry.Revision, Number = entry.Number });
        }
    }

    private void BeginRollout(ReconcileContext ctx, WorkloadSpec spec, RevisionHistory history, RevisionEntry entry, bool rollingOut)
    {
        var book = ctx.Book;
        if (book.RolloutRevision != spec.Revision)
        {
            book.RolloutRevision = spec.Revision;
            book.RolloutProgressAt = ctx.Now;
            book.RolloutProgress = 0;
            book.FailedRevision = null;
            if (rollingOut)
            {
                Emit(new RolloutStarted { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, Revision = entry.Revision, Number = entry.Number, Strategy = spec.Update.Kind });
            }
        }

        if (history.ResumedAt is { } resumed && resumed > book.RolloutProgressAt)
        {
            book.RolloutProgressAt = resumed;
            book.FailedRevision = null;
        }

        var available = book.Replicas.Values.Count(r => r.Revision == spec.Revision && r.IsAvailable(ctx.Now, spec.Update.MinReadyTime));
        if (available > book.RolloutProgress)
        {
            book.RolloutProgress = available;
            book.RolloutProgressAt = ctx.Now;
        }
    }

    /// <summary>Applies the failure action once the progress deadline passed; true when the rollout stops here.</summary>
    private bool HandleDeadline(ReconcileContext ctx, WorkloadSpec spec, RevisionHistory history, RevisionEntry entry)
    {
        var book = ctx.Book;
        var deadline = book.RolloutProgressAt + spec.Update.ProgressDeadline;
        if (ctx.Now < deadline)
        {
            ctx.RequeueAt(deadline);
            return false;
        }

        if (book.FailedRevision == spec.Revision)
        {
            return false;
        }

        book.FailedRevision = spec.Revision;
        var failure = book.Replicas.Values
            .Where(r => r.Revision == spec.Revision && !r.IsReady)
            .Select(r => r.ToStatus(ctx.Workload).Reason)
            .FirstOrDefault(r => r is not null) ?? "no replica became available";
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"revision {entry.Number} made no progress within {spec.Update.ProgressDeadline.TotalSeconds:0.###} s: {failure}");
        if (spec.Update.FailureAction == RolloutFailureAction.Rollback && history.LastGood is { } good && history.Find(good) is { } target
            && _rollbacks.TryRollback(ctx.Workload, target, reason))
        {
            return true;
        }

        var why = $"deadline exceeded: {reason}";
        history.Pause(why);
        Emit(new RolloutPaused { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, Revision = entry.Revision, Number = entry.Number, Reason = why });
        return true;
    }

    private async Task RollStepAsync(ReconcileContext ctx, WorkloadSpec spec, RevisionEntry entry, CancellationToken cancellationToken)
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
            var surplus = ScaleDownOrder(current).Take(current.Count - n).ToList();
            await RetireAsync(ctx, spec, surplus, "scale down", cancellationToken).ConfigureAwait(false);
            current = [.. current.Except(surplus)];
        }

        var total = ctx.Book.Replicas.Values.Count(r => r.IsLive);
        var create = Math.Min(n - current.Count, n + surge - total);
        for (var i = 0; i < create; i++)
        {
            NewReplica(ctx, spec);
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

        await RetireAsync(ctx, spec, retire, $"replaced by revision {entry.Number}", cancellationToken).ConfigureAwait(false);
        RequeueForMinReady(ctx, spec);
    }

    private async Task RecreateStepAsync(ReconcileContext ctx, WorkloadSpec spec, RevisionEntry entry, CancellationToken cancellationToken)
    {
        var old = ctx.Book.Replicas.Values.Where(r => r.IsLive && !r.IsLeaving && r.Revision != spec.Revision).ToList();
        await RetireAsync(ctx, spec, old, $"replaced by revision {entry.Number}", cancellationToken).ConfigureAwait(false);
        if (!ctx.Book.Replicas.Values.Any(r => r.IsLive && r.Revision != spec.Revision))
        {
            await ScaleAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether only the desired revision runs, with exactly the desired count, all available.</summary>
    private bool RolloutDone(ReconcileContext ctx, WorkloadSpec spec)
    {
        var live = ctx.Book.Replicas.Values.Where(r => r.IsLive).ToList();
        RequeueForMinReady(ctx, spec);
        return live.Count == spec.Replicas && live.All(r => r.Revision == spec.Revision && !r.IsLeaving && r.IsAvailable(ctx.Now, spec.Update.MinReadyTime));
    }

    private static void RequeueForMinReady(ReconcileContext ctx, WorkloadSpec spec)
    {
        foreach (var record in ctx.Book.Replicas.Values)
        {
            if (record.ReadySince is { } since && since + spec.Update.MinReadyTime > ctx.Now)
            {
                ctx.RequeueAt(since + spec.Update.MinReadyTime);
            }
        }
    }
}
