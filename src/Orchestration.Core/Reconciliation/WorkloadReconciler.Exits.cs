using System.Collections.Immutable;
using Orchestration.Events;
using Orchestration.Restart;
using Orchestration.Runtime;

namespace Orchestration.Reconciliation;

/// <summary>What happens when a replica's container ends or fails to start: restart with backoff, or finish.</summary>
internal sealed partial class WorkloadReconciler
{
    private async Task OnExitAsync(ReconcileContext ctx, WorkloadSpec spec, ReplicaRecord record, int? exitCode, string reason, CancellationToken cancellationToken)
    {
        if (record.Container is { } container)
        {
            await RemoveContainerAsync(container, cancellationToken).ConfigureAwait(false);
            record.Container = null;
        }

        record.LastExitCode = exitCode;
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

        ScheduleRestart(ctx, spec, record);
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
