using System.Collections.Immutable;
using Orchestration.Events;
using Orchestration.Restart;
using Orchestration.Runtime;

namespace Orchestration.Reconciliation;

/// <summary>What happens when a replica's container ends or fails to start: restart with backoff, or finish.</summary>
internal sealed partial class WorkloadReconciler
{
    private void OnExit(ReconcileContext ctx, WorkloadSpec spec, ReplicaRecord record, int? exitCode, string reason)
    {
        if (record.Container is { } container)
        {
            // The replacement gets a name of its own: it need not wait for this removal.
            RemoveInBackground(container);
            record.Container = null;
        }

        record.LastExitCode = exitCode;
        record.LastExitReason = reason;
        record.Reason = reason;
        record.Ports = ImmutableDictionary<string, HostEndpoint>.Empty;
        Emit(new ReplicaExited { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = record.Id, Node = record.Node, ExitCode = exitCode, Reason = reason });
        if (RestartBackoff.WasStable(spec.Restart, record.RunningSince, ctx.Now))
        {
            record.FailureStreak = 0;
        }

        record.RunningSince = null;
        if (spec.Kind == WorkloadKind.Job)
        {
            if (exitCode == 0)
            {
                record.Phase = ReplicaPhase.Succeeded;
                ctx.Book.Succeeded++;
                Release(ctx, record);
                return;
            }

            ctx.Book.Failed++;
            if (spec.Restart.Mode == RestartMode.Never || ctx.Book.Failed > spec.Job.BackoffLimit)
            {
                record.Phase = ReplicaPhase.Failed;
                Release(ctx, record);
                Emit(new ReplicaFailed { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = record.Id, ExitCode = exitCode, Reason = reason });
                return;
            }
        }

        if (spec.Kind != WorkloadKind.Job && record.Revision != spec.Revision)
        {
            // An old revision is not restarted (a restart would run the new spec under the old revision's name): the
            // rolling update puts a replica of the current revision in its place.
            Release(ctx, record);
            ctx.Book.Replicas.Remove(record.Id);
            Emit(new ReplicaRemoved { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = record.Id, Reason = $"revision {record.Revision} ended while {spec.Revision} rolls out" });
            return;
        }

        ScheduleRestart(ctx, spec, record);
    }

    /// <summary>How long reading an ended container's last log lines may take: never longer than the restart delay
    /// that follows (the restart counts from the same moment, so a read within it costs nothing), at most the log
    /// timeout.</summary>
    private static TimeSpan ExitLogBudget(ReconcileContext ctx, WorkloadSpec spec, ReplicaRecord record, int? exitCode)
    {
        var restarts = spec.Kind != WorkloadKind.Job || (exitCode != 0 && spec.Restart.Mode != RestartMode.Never);
        if (!restarts)
        {
            return LogTimeout;
        }

        var streak = RestartBackoff.WasStable(spec.Restart, record.RunningSince, ctx.Now) ? 0 : record.FailureStreak;
        var delay = RestartBackoff.Delay(spec.Restart, streak);
        return delay < LogTimeout ? delay : LogTimeout;
    }

    private void ScheduleRestart(ReconcileContext ctx, WorkloadSpec spec, ReplicaRecord record)
    {
        var delay = RestartBackoff.Delay(spec.Restart, record.FailureStreak);
        record.FailureStreak++;
        record.Restarts++;
        record.Phase = ReplicaPhase.BackOff;
        record.BackoffUntil = ctx.Now + delay;
        ctx.RequeueIn(delay);
        Emit(new ReplicaRestartScheduled { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = record.Id, Delay = delay, Restart = record.Restarts });
    }
}
