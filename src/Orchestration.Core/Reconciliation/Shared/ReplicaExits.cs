using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Orchestration.Events;
using Orchestration.Restart;
using Orchestration.Runtime;

namespace Orchestration.Reconciliation;

/// <summary>What happens when a replica's container ends or fails to start: restart with backoff, count a job's
/// success or failure, or (an old revision during a rollout) give the replica up.</summary>
internal sealed class ReplicaExits
{
    /// <summary>The longest an ended container's last log lines are waited for.</summary>
    public static readonly TimeSpan LogTimeout = TimeSpan.FromSeconds(2);

    private readonly ContainerControl _containers;
    private readonly EventHub _events;
    private readonly string _fleet;

    public ReplicaExits(ContainerControl containers, EventHub events, IOptions<OrchestrationOptions> options)
    {
        _containers = containers;
        _events = events;
        _fleet = options.Value.FleetName;
    }

    public void OnExit(ReconcileContext ctx, WorkloadSpec spec, ReplicaRecord record, int? exitCode, string reason)
    {
        if (record.Container is { } container)
        {
            // The replacement gets a name of its own: it need not wait for this removal.
            _containers.RemoveInBackground(ctx.Workload, container);
            record.Container = null;
        }

        record.LastExitCode = exitCode;
        record.LastExitReason = reason;
        record.Reason = reason;
        record.Ports = ImmutableDictionary<string, HostEndpoint>.Empty;
        Publish(new ReplicaExited { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = record.Id, Node = record.Node, ExitCode = exitCode, Reason = reason });
        if (RestartBackoff.WasStable(spec.Restart, record.RunningSince, ctx.Now))
        {
            record.FailureStreak = 0;
        }

        record.RunningSince = null;
        if (RunsToCompletion(spec))
        {
            if (exitCode == 0)
            {
                record.Phase = ReplicaPhase.Succeeded;
                ctx.Book.Succeeded++;
                ctx.Release(record);
                return;
            }

            ctx.Book.Failed++;
            if (spec.Restart.Mode == RestartMode.Never || ctx.Book.Failed > spec.Job.BackoffLimit)
            {
                record.Phase = ReplicaPhase.Failed;
                ctx.Release(record);
                Publish(new ReplicaFailed { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = record.Id, ExitCode = exitCode, Reason = reason });
                return;
            }
        }
        else if (record.Revision != spec.Revision && spec.Kind != WorkloadKind.StatefulSet)
        {
            // An old revision is not restarted (a restart would run the new spec under the old revision's name): the
            // rolling update puts a replica of the current revision in its place. (A stateful replica keeps its
            // identity: the rolling update replaces it in place.)
            ctx.Release(record);
            ctx.Book.Replicas.Remove(record.Id);
            Publish(new ReplicaRemoved { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = record.Id, Reason = $"revision {record.Revision} ended while {spec.Revision} rolls out" });
            return;
        }

        ScheduleRestart(ctx, spec, record);
    }

    /// <summary>How long reading an ended container's last log lines may take: never longer than the restart delay
    /// that follows (the restart counts from the same moment, so a read within it costs nothing), at most
    /// <see cref="LogTimeout"/>.</summary>
    public static TimeSpan LogBudget(ReconcileContext ctx, WorkloadSpec spec, ReplicaRecord record, int? exitCode)
    {
        var restarts = !RunsToCompletion(spec) || (exitCode != 0 && spec.Restart.Mode != RestartMode.Never);
        if (!restarts)
        {
            return LogTimeout;
        }

        var streak = RestartBackoff.WasStable(spec.Restart, record.RunningSince, ctx.Now) ? 0 : record.FailureStreak;
        var delay = RestartBackoff.Delay(spec.Restart, streak);
        return delay < LogTimeout ? delay : LogTimeout;
    }

    /// <summary>Jobs and the runs of cron jobs end; the other kinds run until removed.</summary>
    public static bool RunsToCompletion(WorkloadSpec spec) => spec.Kind is WorkloadKind.Job or WorkloadKind.CronJob;

    private void ScheduleRestart(ReconcileContext ctx, WorkloadSpec spec, ReplicaRecord record)
    {
        var delay = RestartBackoff.Delay(spec.Restart, record.FailureStreak);
        record.FailureStreak++;
        record.Restarts++;
        record.Phase = ReplicaPhase.BackOff;
        record.BackoffUntil = ctx.Now + delay;
        ctx.RequeueIn(delay);
        Publish(new ReplicaRestartScheduled { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = record.Id, Delay = delay, Restart = record.Restarts });
    }

    private void Publish(OrchestrationEvent e) => _events.Publish(e);
}
