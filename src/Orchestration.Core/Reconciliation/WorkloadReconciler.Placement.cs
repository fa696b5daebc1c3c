using Orchestration.Events;
using Orchestration.Scheduling;

namespace Orchestration.Reconciliation;

/// <summary>Placing pending replicas with the scheduler.</summary>
internal sealed partial class WorkloadReconciler
{
    /// <summary>Asks the scheduler for a node for every unplaced replica. Once one replica of the workload finds no
    /// node, the others (identical requests) are not tried again in this reconcile; they all get the same reason. A
    /// pending event is published when a replica's reason changes.</summary>
    private void Place(ReconcileContext ctx, WorkloadSpec spec)
    {
        string? noFit = null;
        foreach (var record in ctx.Book.Replicas.Values)
        {
            if (record.Phase != ReplicaPhase.Pending || record.Node is not null)
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
                Emit(new ReplicaScheduled { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = record.Id, Node = reservation.Node });
            }
            else if (!string.Equals(record.Reason, result.Reason, StringComparison.Ordinal))
            {
                record.Reason = result.Reason;
                Emit(new ReplicaPending { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = record.Id, Reason = result.Reason! });
            }
        }
    }
}
