using System.Globalization;
using Microsoft.Extensions.Options;
using Orchestration.Events;
using Orchestration.Rollout;

namespace Orchestration.Reconciliation;

/// <summary>The bookkeeping of a rollout shared by the kinds that roll (services and stateful sets): when it started,
/// when it last made progress (one more new replica available), and what happens once it misses its progress
/// deadline: roll back to the last good revision, or pause.</summary>
internal sealed class RolloutProgress
{
    private readonly Rollbacks _rollbacks;
    private readonly EventHub _events;
    private readonly string _fleet;

    public RolloutProgress(Rollbacks rollbacks, EventHub events, IOptions<OrchestrationOptions> options)
    {
        _rollbacks = rollbacks;
        _events = events;
        _fleet = options.Value.FleetName;
    }

    public void Begin(ReconcileContext ctx, WorkloadSpec spec, RevisionHistory history, RevisionEntry entry, bool rollingOut)
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
                _events.Publish(new RolloutStarted { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, Revision = entry.Revision, Number = entry.Number, Strategy = spec.Update.Kind });
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
    public bool MissedDeadline(ReconcileContext ctx, WorkloadSpec spec, RevisionHistory history, RevisionEntry entry)
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
        _events.Publish(new RolloutPaused { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, Revision = entry.Revision, Number = entry.Number, Reason = why });
        return true;
    }

    public void Complete(ReconcileContext ctx, RevisionHistory history, RevisionEntry entry)
    {
        history.MarkGood(entry.Revision);
        _events.Publish(new RolloutCompleted { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, Revision = entry.Revision, Number = entry.Number });
    }

    /// <summary>Asks to run again when a replica reaches the minimum ready time.</summary>
    public static void RequeueForMinReady(ReconcileContext ctx, WorkloadSpec spec)
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
