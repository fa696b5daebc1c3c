using Orchestration.Runtime;
using Orchestration.Scheduling;

namespace Orchestration.Reconciliation;

/// <summary>One reconcile's inputs (desired spec, book, the workload's containers as the controller sees them, time)
/// and what it asks of the loop afterwards.</summary>
internal sealed class ReconcileContext
{
    private static readonly TimeSpan MinimumRequeue = TimeSpan.FromMilliseconds(1);

    public required string Workload { get; init; }

    public required WorkloadSpec? Spec { get; init; }

    public required WorkloadBook Book { get; init; }

    public required DateTimeOffset Now { get; init; }

    /// <summary>The observed containers of the workload with the controller's expectations applied.</summary>
    public required IReadOnlyList<ContainerInfo> Containers { get; init; }

    public required SchedulingCache Scheduling { get; init; }

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

    /// <summary>Takes what a reconcile of a part of the workload (a cron job's run) asked of the loop.</summary>
    public void Absorb(ReconcileContext part)
    {
        if (part.RequeueAfter is { } after)
        {
            RequeueIn(after);
        }

        FreedCapacity |= part.FreedCapacity;
    }

    /// <summary>Gives the replica's reserved capacity back to the scheduler.</summary>
    public void Release(ReplicaRecord record)
    {
        if (record.Reservation is { } reservation)
        {
            Scheduling.Release(reservation);
            record.Reservation = null;
            FreedCapacity = true;
        }

        record.AdoptedNode = null;
    }

    /// <summary>Adds a new replica of the current revision to the book.</summary>
    public ReplicaRecord NewReplica(WorkloadSpec spec, string? pinnedNode = null, int? ordinal = null)
    {
        string id;
        if (ordinal is { } n)
        {
            id = StatefulIdentity.ReplicaId(n);
        }
        else
        {
            do
            {
                id = Guid.NewGuid().ToString("n")[..10];
            }
            while (Book.Replicas.ContainsKey(id));
        }

        var record = new ReplicaRecord { Id = id, Revision = spec.Revision, CreatedAt = Now, PinnedNode = pinnedNode, Ordinal = ordinal, RunId = Book.RunId };
        Book.Replicas.Add(id, record);
        return record;
    }
}
