namespace Orchestration.Reconciliation;

/// <summary>Services: keep the desired number of replicas of the current revision.</summary>
internal sealed partial class WorkloadReconciler
{
    /// <summary>Keeps <see cref="WorkloadSpec.Replicas"/> replicas when no older revision is left; surplus replicas
    /// leave the endpoints, drain, then stop.</summary>
    private async Task ScaleAsync(ReconcileContext ctx, WorkloadSpec spec, CancellationToken cancellationToken)
    {
        var live = ctx.Book.Replicas.Values.Where(r => r.IsLive && !r.IsLeaving && !IsMovingOff(ctx, r)).ToList();
        for (var i = live.Count; i < spec.Replicas; i++)
        {
            NewReplica(ctx, spec);
        }

        if (live.Count > spec.Replicas)
        {
            await RetireAsync(ctx, spec, ScaleDownOrder(live).Take(live.Count - spec.Replicas).ToList(), "scale down", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Not-ready replicas first (unplaced, then waiting, then starting), then the newest.</summary>
    private static IEnumerable<ReplicaRecord> ScaleDownOrder(IEnumerable<ReplicaRecord> replicas)
        => replicas
            .OrderBy(r => r.IsReady)
            .ThenBy(r => r.Node is null ? 0 : r.Phase == ReplicaPhase.BackOff ? 1 : 2)
            .ThenByDescending(r => r.CreatedAt)
            .ThenByDescending(r => r.Id, StringComparer.Ordinal);
}
