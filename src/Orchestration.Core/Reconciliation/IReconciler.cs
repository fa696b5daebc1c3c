namespace Orchestration.Reconciliation;

/// <summary>Brings one key to its desired state, reading everything it needs from caches. It must not matter which
/// event woke it.</summary>
internal interface IReconciler
{
    Task<ReconcileResult> ReconcileAsync(string key, CancellationToken cancellationToken);
}
