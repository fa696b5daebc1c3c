using Orchestration.Events;
using Orchestration.Restart;

namespace Orchestration.Reconciliation;

/// <summary>Jobs: run replicas until the completions are reached (at most parallelism at once), or until failures
/// exceed the backoff limit.</summary>
internal sealed partial class WorkloadReconciler
{
    private async Task RunJobAsync(ReconcileContext ctx, WorkloadSpec spec, CancellationToken cancellationToken)
    {
        var book = ctx.Book;
        if (book.JobRevision != spec.Revision)
        {
            book.JobRevision = spec.Revision;
            book.Succeeded = 0;
            book.Failed = 0;
            book.Finished = null;
            await RemoveReplicasAsync(ctx, spec, [.. book.Replicas.Values.Where(r => r.Revision != spec.Revision)], $"revision replaced by {spec.Revision}", cancellationToken).ConfigureAwait(false);
        }

        var live = book.Replicas.Values.Where(r => r.IsLive).ToList();
        if (book.Finished is null && book.Succeeded >= spec.Job.Completions)
        {
            book.Finished = WorkloadPhase.Completed;
            Emit(new JobCompleted { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, Succeeded = book.Succeeded, Failed = book.Failed });
        }
        else if (book.Finished is null && book.Failed > spec.Job.BackoffLimit)
        {
            book.Finished = WorkloadPhase.Failed;
            Emit(new JobFailed { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, Failed = book.Failed, BackoffLimit = spec.Job.BackoffLimit });
        }

        if (book.Finished is not null)
        {
            await RemoveReplicasAsync(ctx, spec, live, $"the job is {book.Finished}", cancellationToken).ConfigureAwait(false);
            return;
        }

        var wanted = Math.Min(spec.Job.Parallelism, spec.Job.Completions - book.Succeeded);
        for (var i = live.Count; i < wanted; i++)
        {
            var record = NewReplica(ctx, spec);
            if (book.Failed > 0)
            {
                var delay = RestartBackoff.Delay(spec.Restart, book.Failed - 1);
                record.BackoffUntil = ctx.Now + delay;
                ctx.RequeueIn(delay);
            }
        }

        if (live.Count > wanted)
        {
            await RemoveReplicasAsync(ctx, spec, ScaleDownOrder(live).Take(live.Count - wanted).ToList(), "more replicas than the job needs", cancellationToken).ConfigureAwait(false);
        }
    }
}
