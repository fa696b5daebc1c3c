namespace Orchestration.Reconciliation;

/// <summary>What a reconcile asks of the loop: nothing, or to run again after a delay. Throwing instead means
/// "retry with backoff". <paramref name="FreedCapacity"/> tells the loop to wake workloads with pending replicas.</summary>
internal readonly record struct ReconcileResult(TimeSpan? RequeueAfter, bool FreedCapacity = false)
{
    public static ReconcileResult Done => default;
}
