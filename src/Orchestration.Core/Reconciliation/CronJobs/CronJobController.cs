using System.Globalization;
using Microsoft.Extensions.Options;
using Orchestration.Events;
using Orchestration.Runtime;

namespace Orchestration.Reconciliation;

/// <summary>Cron jobs (Kubernetes' CronJob controller): at each occurrence of the schedule a run starts, a job of its
/// own stepped by the shared <see cref="JobRunner"/>. When occurrences were missed (the loop was stopped, or a
/// Forbid policy held them back) only the latest is run, and only within the starting deadline. Forbid skips an
/// occurrence while a run is active; Replace stops the active runs first. Finished runs stay in the status, with their
/// replicas' exit codes and last log lines, up to the history limits. All timing comes from the
/// <see cref="TimeProvider"/>: the controller asks to run again at the next occurrence.</summary>
internal sealed class CronJobController : IWorkloadController
{
    private readonly ReplicaSync _sync;
    private readonly ReplicaRemoval _removal;
    private readonly ReplicaLauncher _launcher;
    private readonly JobRunner _runner;
    private readonly DependencyGate _dependencies;
    private readonly WorkloadStatusPublisher _status;
    private readonly NodeConditions _nodes;
    private readonly EventHub _events;
    private readonly string _fleet;
    private readonly CronScheduleMarks _marks;

    public CronJobController(
        ReplicaSync sync,
        ReplicaRemoval removal,
        ReplicaLauncher launcher,
        JobRunner runner,
        DependencyGate dependencies,
        WorkloadStatusPublisher status,
        NodeConditions nodes,
        EventHub events,
        IOptions<OrchestrationOptions> options,
        CronScheduleMarks marks)
    {
        _marks = marks;
        _sync = sync;
        _removal = removal;
        _launcher = launcher;
        _runner = runner;
        _dependencies = dependencies;
        _status = status;
        _nodes = nodes;
        _events = events;
        _fleet = options.Value.FleetName;
    }

    public WorkloadKind Kind => WorkloadKind.CronJob;

    public async Task ReconcileAsync(ReconcileContext ctx, WorkloadSpec spec, CancellationToken cancellationToken)
    {
        var state = ctx.Book.Cron ??= new CronJobState(_marks.Get(ctx.Workload) is { } mark && mark <= ctx.Now ? mark : ctx.Now);
        await RemoveStrayContainersAsync(ctx, state, cancellationToken).ConfigureAwait(false);
        if (!_dependencies.IsOpen(ctx, spec))
        {
            return;
        }

        foreach (var run in state.Runs.Where(r => r.IsActive).ToList())
        {
            await StepAsync(ctx, spec, run, cancellationToken).ConfigureAwait(false);
        }

        var schedule = CronSchedule.Parse(spec.CronJob);
        if (!spec.CronJob.Suspend)
        {
            await ScheduleAsync(ctx, spec, state, schedule, cancellationToken).ConfigureAwait(false);
        }

        if (schedule.Next(ctx.Now) is { } next)
        {
            ctx.RequeueAt(next);
        }

        Prune(spec, state);
        _marks.Set(ctx.Workload, state.LastScheduleTime);
        Publish(ctx, spec, state, schedule);
    }

    public async Task DeleteAsync(ReconcileContext ctx, WorkloadSpec? last, CancellationToken cancellationToken)
    {
        foreach (var run in ctx.Book.Cron?.Runs ?? [])
        {
            await _removal.RemoveAsync(RunContext(ctx, run), last, [.. run.Book.Replicas.Values], "belongs to no desired workload", cancellationToken).ConfigureAwait(false);
        }

        await _removal.RemoveEverythingAsync(ctx, "belongs to no desired workload", cancellationToken).ConfigureAwait(false);
        _marks.Remove(ctx.Workload);
    }

    /// <summary>Starts the latest due occurrence (if any, within the deadline, per the concurrency policy).</summary>
    private async Task ScheduleAsync(ReconcileContext ctx, WorkloadSpec spec, CronJobState state, CronSchedule schedule, CancellationToken cancellationToken)
    {
        var due = schedule.Between(state.LastScheduleTime, ctx.Now).ToList();
        if (due.Count == 0)
        {
            return;
        }

        var latest = due[^1];
        var missed = due.Count - 1;
        if (spec.CronJob.StartingDeadline is { } deadline && ctx.Now - latest > deadline)
        {
            state.LastScheduleTime = latest;
            Skipped(ctx, latest, string.Create(CultureInfo.InvariantCulture, $"its starting deadline of {deadline.TotalSeconds:0.###} s passed{Missed(missed)}"));
            return;
        }

        var active = state.Runs.Where(r => r.IsActive).ToList();
        if (active.Count > 0 && spec.CronJob.ConcurrencyPolicy == ConcurrencyPolicy.Forbid)
        {
            // Not dealt with yet: it may still start within its deadline once the active run ends.
            if (state.ReportedSkip != latest)
            {
                state.ReportedSkip = latest;
                Skipped(ctx, latest, $"run {active[0].Id} is still running and the concurrency policy is Forbid");
            }

            return;
        }

        if (active.Count > 0 && spec.CronJob.ConcurrencyPolicy == ConcurrencyPolicy.Replace)
        {
            foreach (var run in active)
            {
                await StopAsync(ctx, spec, run, "replaced by the run scheduled for " + latest.ToString("u", CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            }
        }

        state.LastScheduleTime = latest;
        state.LastRunScheduledAt = latest;
        var started = new CronJobRun(ctx.Workload, RunId(latest), latest, ctx.Now);
        state.Runs.Add(started);
        _events.Publish(new CronJobRunStarted { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, RunId = started.Id, ScheduledAt = latest });
        await StepAsync(ctx, spec, started, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One step of an active run: its replicas synced with their containers, the job runner's step, and
    /// placing and starting what is due.</summary>
    private async Task StepAsync(ReconcileContext ctx, WorkloadSpec spec, CronJobRun run, CancellationToken cancellationToken)
    {
        var runCtx = RunContext(ctx, run);
        await _sync.SyncAsync(runCtx, spec, cancellationToken).ConfigureAwait(false);
        await _runner.StepAsync(runCtx, spec, cancellationToken).ConfigureAwait(false);
        _launcher.Place(runCtx, spec);
        await _launcher.StartDueAsync(runCtx, spec, cancellationToken).ConfigureAwait(false);
        ctx.Absorb(runCtx);
        if (run.Book.Finished is { } outcome)
        {
            run.FinishedAt = ctx.Now;
            _events.Publish(new CronJobRunFinished { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, RunId = run.Id, Outcome = outcome });
        }
    }

    private async Task StopAsync(ReconcileContext ctx, WorkloadSpec spec, CronJobRun run, string reason, CancellationToken cancellationToken)
    {
        var runCtx = RunContext(ctx, run);
        await _removal.RemoveAsync(runCtx, spec, [.. run.Book.Replicas.Values.Where(r => r.IsLive)], reason, cancellationToken).ConfigureAwait(false);
        ctx.Absorb(runCtx);
        run.Book.Finished = WorkloadPhase.Failed;
        run.FinishedAt = ctx.Now;
        _events.Publish(new CronJobRunFinished { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, RunId = run.Id, Outcome = WorkloadPhase.Failed, Reason = reason });
    }

    /// <summary>Containers of replicas no run knows: a run in progress when this process started (a container of its
    /// that still runs) becomes a run again, which adopts it; the others (runs stopped or already pruned) are removed.</summary>
    private async Task RemoveStrayContainersAsync(ReconcileContext ctx, CronJobState state, CancellationToken cancellationToken)
    {
        foreach (var c in ctx.Containers)
        {
            var id = c.Label(OrchestrationLabels.Replica);
            if (id is not null && state.Runs.Any(r => r.Book.Replicas.ContainsKey(id)))
            {
                continue;
            }

            if (c.Label(OrchestrationLabels.Run) is { } runId && c.State is ContainerState.Running or ContainerState.Created
                && ActiveRun(ctx, state, runId) is not null)
            {
                continue;
            }

            if (c.Label(OrchestrationLabels.Run) is { } ended && TryParseRunId(ended) is { } endedAt && endedAt > state.LastScheduleTime && endedAt <= ctx.Now)
            {
                // A run that ended before this book knew it (another leader's, or before a restart): its occurrence
                // was dealt with, and is not run again.
                state.LastScheduleTime = endedAt;
            }

            if (_nodes.AnswersForRemoval(c.Ref.Node))
            {
                await _removal.RemoveLeftoverAsync(ctx, c, "belongs to no run of the cron job", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The active run <paramref name="runId"/>; a run this process does not know yet is taken up as active (its
    /// step adopts its containers); a finished one has none.</summary>
    private static CronJobRun? ActiveRun(ReconcileContext ctx, CronJobState state, string runId)
    {
        if (state.Runs.Find(r => r.Id == runId) is { } known)
        {
            return known.IsActive ? known : null;
        }

        if (TryParseRunId(runId) is not { } scheduledAt)
        {
            return null;
        }

        var resumed = new CronJobRun(ctx.Workload, runId, scheduledAt, ctx.Now);
        state.Runs.Add(resumed);
        if (scheduledAt > state.LastScheduleTime)
        {
            state.LastScheduleTime = scheduledAt;
        }

        if (state.LastRunScheduledAt is null || scheduledAt > state.LastRunScheduledAt)
        {
            state.LastRunScheduledAt = scheduledAt;
        }

        return resumed;
    }

    /// <summary>Keeps the newest finished runs within the history limits.</summary>
    private static void Prune(WorkloadSpec spec, CronJobState state)
    {
        var finished = state.Runs.Where(r => !r.IsActive).OrderByDescending(r => r.ScheduledAt).ToList();
        var keep = finished.Where(r => r.Book.Finished == WorkloadPhase.Completed).Take(spec.CronJob.SuccessfulRunsHistoryLimit)
            .Concat(finished.Where(r => r.Book.Finished != WorkloadPhase.Completed).Take(spec.CronJob.FailedRunsHistoryLimit))
            .ToHashSet();
        state.Runs.RemoveAll(r => !r.IsActive && !keep.Contains(r));
    }

    private void Publish(ReconcileContext ctx, WorkloadSpec spec, CronJobState state, CronSchedule schedule)
    {
        var active = new WorkloadBook(ctx.Workload);
        foreach (var record in state.Runs.Where(r => r.IsActive).SelectMany(r => r.Book.Replicas.Values))
        {
            active.Replicas[record.Id] = record;
        }

        var status = new CronJobStatus
        {
            Suspended = spec.CronJob.Suspend,
            LastScheduleTime = state.LastRunScheduledAt,
            NextScheduleTime = spec.CronJob.Suspend ? null : schedule.Next(ctx.Now),
            Active = state.Runs.Count(r => r.IsActive),
            Runs = [.. state.Runs.OrderByDescending(r => r.IsActive).ThenByDescending(r => r.ScheduledAt).Select(r => r.ToStatus(ctx.Workload))],
        };
        var statusCtx = new ReconcileContext { Workload = ctx.Workload, Spec = spec, Book = active, Now = ctx.Now, Containers = [], Scheduling = ctx.Scheduling };
        _status.Publish(statusCtx, spec, status);
    }

    private static ReconcileContext RunContext(ReconcileContext ctx, CronJobRun run) => new()
    {
        Workload = ctx.Workload,
        Spec = ctx.Spec,
        Book = run.Book,
        Now = ctx.Now,
        Containers = [.. ctx.Containers.Where(c => (c.Label(OrchestrationLabels.Replica) is { } id && run.Book.Replicas.ContainsKey(id)) || c.Label(OrchestrationLabels.Run) == run.Id)],
        Scheduling = ctx.Scheduling,
    };

    private void Skipped(ReconcileContext ctx, DateTimeOffset scheduledAt, string reason)
        => _events.Publish(new CronJobRunSkipped { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ScheduledAt = scheduledAt, Reason = reason });

    private static string Missed(int missed) => missed == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" ({missed} earlier occurrences were missed too)");

    private const string RunIdFormat = "yyyyMMdd-HHmmss";

    private static string RunId(DateTimeOffset scheduledAt) => scheduledAt.UtcDateTime.ToString(RunIdFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset? TryParseRunId(string runId)
        => DateTimeOffset.TryParseExact(runId, RunIdFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
}
