namespace Orchestration.Reconciliation;

/// <summary>Which replicas go first when there are too many.</summary>
internal static class ReplicaOrder
{
    /// <summary>Not-ready replicas first (unplaced, then waiting, then starting), then the newest.</summary>
    public static IEnumerable<ReplicaRecord> ScaleDown(IEnumerable<ReplicaRecord> replicas)
        => replicas
            .OrderBy(r => r.IsReady)
            .ThenBy(r => r.Node is null ? 0 : r.Phase == ReplicaPhase.BackOff ? 1 : 2)
            .ThenByDescending(r => r.CreatedAt)
            .ThenByDescending(r => r.Id, StringComparer.Ordinal);
}
