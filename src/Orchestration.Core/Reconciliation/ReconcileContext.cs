namespace Orchestration.Reconciliation;

/// <summary>One reconcile's inputs (desired spec, book, time) and what it asks of the loop afterwards.</summary>
internal sealed class ReconcileContext
{
    private static readonly TimeSpan MinimumRequeue = TimeSpan.FromMilliseconds(1);

    public required string Workload { get; init; }

    public required WorkloadSpec? Spec { get; init; }

    public required WorkloadBook Book { get; init; }

    public required DateTimeOffset Now { get; init; }

    public TimeSpan? RequeueAfter { get; private set; }

    public bool FreedCapacity { get; set; }

    public ReconcileResult Result => new(RequeueAfter, FreedCapacity);

    /// <summary>Asks to run again no later than <paramref name="delay"/> from now.</summary>
    public void RequeueIn(TimeSpan delay)
    {
        if (delay < MinimumRequeue)
        {
            delay = MinimumRequeue;
        }

        if (RequeueAfter is null || delay < RequeueAfter)
        {
            RequeueAfter = delay;
        }
    }

    public void RequeueAt(DateTimeOffset time) => RequeueIn(time - Now);
}
