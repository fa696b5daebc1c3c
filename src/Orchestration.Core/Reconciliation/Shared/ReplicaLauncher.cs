using Microsoft.Extensions.Options;
using Orchestration.Events;
using Orchestration.Runtime;
using Orchestration.Scheduling;

namespace Orchestration.Reconciliation;

/// <summary>Places pending replicas with the scheduler and starts containers for placed replicas whose backoff has
/// passed, a few at a time. A replica whose image its node does not have (pull policy Never, or a failed pull) has
/// not failed: it stays Pending with the runtime's reason and is tried again with a growing delay.</summary>
internal sealed class ReplicaLauncher
{
    private static readonly TimeSpan ImageRetryInitialDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ImageRetryMaxDelay = TimeSpan.FromSeconds(30);

    private readonly Scheduler _scheduler;
    private readonly ContainerControl _containers;
    private readonly ReplicaExits _exits;
    private readonly ReplicaSync _sync;
    private readonly EventHub _events;
    private readonly TimeProvider _time;
    private readonly string _fleet;

    public ReplicaLauncher(Scheduler scheduler, ContainerControl containers, ReplicaExits exits, ReplicaSync sync, EventHub events, TimeProvider time, IOptions<OrchestrationOptions> options)
    {
        _scheduler = scheduler;
        _containers = containers;
        _exits = exits;
        _sync = sync;
        _events = events;
        _time = time;
        _fleet = options.Value.FleetName;
    }

    /// <summary>Asks the scheduler for a node for every unplaced replica (<paramref name="eligible"/> limits which, for
    /// ordered start). Once one replica of the workload finds no node, the others (identical requests) are not tried
    /// again in this reconcile; they all get the same reason. A pending event is published when a replica's reason
    /// changes.</summary>
    public void Place(ReconcileContext ctx, WorkloadSpec spec, Func<ReplicaRecord, bool>? eligible = null)
    {
        string? noFit = null;
        foreach (var record in ctx.Book.Replicas.Values)
        {
            if (record.Phase != ReplicaPhase.Pending || record.Node is not null || (eligible is not null && !eligible(record)))
            {
                continue;
            }

            var request = new PlacementRequest(spec, record.Id);
            ScheduleResult result;
            if (record.PinnedNode is { } pinned)
            {
                result = _scheduler.ScheduleOn(request, pinned);
            }
            else
            {
                result = noFit is null ? _scheduler.Schedule(request) : new ScheduleResult(null, noFit);
                noFit ??= result.Reason;
            }

            if (result.Reservation is { } reservation)
            {
                record.Reservation = reservation;
                record.Reason = null;
                _events.Publish(new ReplicaScheduled { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = record.Id, Node = reservation.Node });
            }
            else if (!string.Equals(record.Reason, result.Reason, StringComparison.Ordinal))
            {
                record.Reason = result.Reason;
                _events.Publish(new ReplicaPending { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = record.Id, Reason = result.Reason! });
            }
        }
    }

    /// <summary>Starts the containers of placed replicas whose backoff has passed.</summary>
    public async Task StartDueAsync(ReconcileContext ctx, WorkloadSpec spec, CancellationToken cancellationToken)
    {
        // The clock now, not at the reconcile's start: a restart whose short delay passed during this reconcile (an
        // exit handled above) starts now instead of in a reconcile of its own.
        var now = _time.GetUtcNow();
        var due = new List<ReplicaRecord>();
        foreach (var record in ctx.Book.Replicas.Values)
        {
            if (record.Phase is not (ReplicaPhase.Pending or ReplicaPhase.BackOff) || record.Node is null || record.Container is not null)
            {
                continue;
            }

            if (record.BackoffUntil is { } until && until > now)
            {
                ctx.RequeueIn(until - now);
                continue;
            }

            if (_containers.IsReady(record.Node))
            {
                due.Add(record);
            }
        }

        var outcomes = new (ContainerInfo? Info, Exception? Error)[due.Count];
        await _containers.ForEachLimitedAsync(Enumerable.Range(0, due.Count).ToList(), async (i, ct) =>
        {
            try
            {
                outcomes[i] = (await _containers.StartAsync(spec, due[i], ct).ConfigureAwait(false), null);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                outcomes[i] = (null, ex);
            }
        }, cancellationToken).ConfigureAwait(false);

        for (var i = 0; i < due.Count; i++)
        {
            var record = due[i];
            if (outcomes[i].Info is { } info)
            {
                record.Container = info.Ref;
                record.Phase = ReplicaPhase.Starting;
                record.ImageRetries = 0;
                record.Stalled = null;
                record.PermanentStartFailures = 0;
                if (info.State == ContainerState.Running)
                {
                    _sync.MarkRunning(ctx, record, info);
                }
            }
            else if (outcomes[i].Error is ImageUnavailableException missing)
            {
                WaitForImage(ctx, record, missing);
            }
            else
            {
                record.Stalled = PermanentFailures.OnStartFailure(record, outcomes[i].Error);
                _exits.OnExit(ctx, spec, record, null, $"start failed: {outcomes[i].Error?.Message}");
            }
        }
    }

    private void WaitForImage(ReconcileContext ctx, ReplicaRecord record, ImageUnavailableException missing)
    {
        record.Stalled = PermanentFailures.Classify(missing);
        var delay = ImageRetryDelay(record.ImageRetries);
        record.ImageRetries++;
        record.Phase = ReplicaPhase.Pending;
        record.BackoffUntil = ctx.Now + delay;
        ctx.RequeueIn(delay);
        if (!string.Equals(record.Reason, missing.Message, StringComparison.Ordinal))
        {
            record.Reason = missing.Message;
            _events.Publish(new ReplicaPending { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = record.Id, Reason = missing.Message });
        }
    }

    /// <summary>2 s doubling to 30 s.</summary>
    private static TimeSpan ImageRetryDelay(int retries)
        => retries >= 4 ? ImageRetryMaxDelay : TimeSpan.FromTicks(Math.Min(ImageRetryInitialDelay.Ticks << retries, ImageRetryMaxDelay.Ticks));
}
