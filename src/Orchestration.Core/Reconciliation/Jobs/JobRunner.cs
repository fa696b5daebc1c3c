using Microsoft.Extensions.Options;
using Orchestration.Events;
using Orchestration.Restart;

namespace Orchestration.Reconciliation;

/// <summary>One step of a run to completion, shared by jobs and the runs of cron jobs: finish the run once its
/// completions are reached or its failures exceed the backoff limit; otherwise keep min(parallelism, completions
/// left) replicas, a replacement for a failure waiting out the restart backoff.</summary>
internal sealed class JobRunner
{
    private readonly ReplicaRemoval _removal;
    private readonly EventHub _events;
    private readonly string _fleet;

    public JobRunner(ReplicaRemoval removal, EventHub events, IOptions<OrchestrationOptions> options)
    {
        _removal = removal;
        _events = events;
        _fleet = options.Value.FleetName;
    }

    public async Task StepAsync(ReconcileContext ctx, WorkloadSpec spec, CancellationToken cancellationToken)
    {
        var book = ctx.Book;
        var live = book.Replicas.Values.Where(r => r.IsLive).ToList();
        if (book.Finished is null && book.Succeeded >= spec.Job.Completions)
        {
            book.Finished = WorkloadPhase.Completed;
            _events.Publish(new JobCompleted { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, Succeeded = book.Succeeded, Failed = book.Failed });
        }
        else if (book.Finished is null && book.Failed > spec.Job.BackoffLimit)
        {
            book.Finished = WorkloadPhase.Failed;
            _events.Publish(new JobFailed { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, Failed = book.Failed, BackoffLimit = spec.Job.BackoffLimit });
        }

        if (book.Finished is not null)
        {
            await _removal.RemoveAsync(ctx, spec, live, $"the job is {book.Finished}", cancellationToken).ConfigureAwait(false);
            return;
        }

        var wanted = Math.Min(spec.Job.Parallelism, spec.Job.Completions - book.Succeeded);
        for (var i = live.Count; i < wanted; i++)
        {
            var record = ctx.NewReplica(spec);
            if (book.Failed > 0)
            {
                var delay = RestartBackoff.Delay(spec.Restart, book.Failed - 1);
                record.BackoffUntil = ctx.Now + delay;
                ctx.RequeueIn(delay);
            }
        }

        if (live.Count > wanted)
        {
            await _removal.RemoveAsync(ctx, spec, ReplicaOrder.ScaleDown(live).Take(live.Count - wanted).ToList(), "more replicas than the job needs", cancellationToken).ConfigureAwait(false);
        }
    }
}
