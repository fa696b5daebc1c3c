using Microsoft.Extensions.Options;
using Orchestration.Events;
using Orchestration.Runtime;

namespace Orchestration.Reconciliation;

/// <summary>Stopping and removing replicas, and retiring them: a retired replica leaves the endpoints at once (it is no
/// longer ready), stays running for the workload's drain delay, and only then is stopped and removed.</summary>
internal sealed class ReplicaRemoval
{
    private readonly ContainerControl _containers;
    private readonly WorkloadStatusPublisher _status;
    private readonly EventHub _events;
    private readonly string _fleet;

    public ReplicaRemoval(ContainerControl containers, WorkloadStatusPublisher status, EventHub events, IOptions<OrchestrationOptions> options)
    {
        _containers = containers;
        _status = status;
        _events = events;
        _fleet = options.Value.FleetName;
    }

    /// <summary>Marks <paramref name="records"/> as leaving for <paramref name="reason"/> and stops those whose drain
    /// delay is zero.</summary>
    public async Task RetireAsync(ReconcileContext ctx, WorkloadSpec spec, IReadOnlyList<ReplicaRecord> records, string reason, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }

        foreach (var record in records)
        {
            record.DrainUntil = ctx.Now + spec.DrainDelay;
            record.RetireReason = reason;
            record.ReadySince = null;
        }

        await FinishRetirementsAsync(ctx, spec, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the retired replicas whose drain delay has passed (publishing the status first, so that they
    /// are out of the endpoints before their containers stop); asks to run again when the next one is due.</summary>
    public async Task FinishRetirementsAsync(ReconcileContext ctx, WorkloadSpec spec, CancellationToken cancellationToken)
    {
        var due = new List<ReplicaRecord>();
        foreach (var record in ctx.Book.Replicas.Values)
        {
            if (record.DrainUntil is not { } until)
            {
                continue;
            }

            if (until <= ctx.Now || record.Container is null)
            {
                due.Add(record);
            }
            else
            {
                ctx.RequeueAt(until);
            }
        }

        if (due.Count == 0)
        {
            return;
        }

        _status.Publish(ctx, spec);
        foreach (var group in due.GroupBy(r => r.RetireReason ?? "retired"))
        {
            await RemoveAsync(ctx, spec, [.. group], group.Key, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops (with the workload's grace period) and removes the replicas' containers in parallel, then
    /// releases their nodes and forgets them.</summary>
    public async Task RemoveAsync(ReconcileContext ctx, WorkloadSpec? spec, IReadOnlyList<ReplicaRecord> records, string reason, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }

        var grace = spec?.StopGracePeriod ?? TimeSpan.Zero;
        foreach (var record in records)
        {
            record.Phase = ReplicaPhase.Terminating;
            if (record.Node is { } node && !_containers.IsReady(node))
            {
                // Its container may come back with the node: remove it then.
                ctx.Book.Abandoned.Add(record.Id);
            }
        }

        // The book is not touched concurrently: containers are removed in parallel, bookkeeping after.
        await _containers.ForEachLimitedAsync(records, async (record, ct) =>
        {
            if (record.Container is { } container)
            {
                await _containers.StopAndRemoveAsync(ctx.Workload, container, grace, ct).ConfigureAwait(false);
                record.Container = null;
            }
        }, cancellationToken).ConfigureAwait(false);
        foreach (var record in records)
        {
            ctx.Release(record);
            ctx.Book.Replicas.Remove(record.Id);
            Emit(ctx, record.Id, reason);
        }
    }

    /// <summary>Removes a container that belongs to no replica.</summary>
    public async Task RemoveLeftoverAsync(ReconcileContext ctx, ContainerInfo container, string reason, CancellationToken cancellationToken)
    {
        await _containers.StopAndRemoveAsync(ctx.Workload, container.Ref, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        Emit(ctx, container.Label(OrchestrationLabels.Replica) ?? container.Name, reason);
    }

    /// <summary>Removes every replica and container of a workload that is no longer desired.</summary>
    public async Task RemoveEverythingAsync(ReconcileContext ctx, string reason, CancellationToken cancellationToken)
    {
        var handled = ctx.Book.Replicas.Values.Where(r => r.Container is not null).Select(r => r.Container!.Value.Id).ToHashSet(StringComparer.Ordinal);
        await RemoveAsync(ctx, null, [.. ctx.Book.Replicas.Values], reason, cancellationToken).ConfigureAwait(false);
        foreach (var c in ctx.Containers.Where(c => !handled.Contains(c.Ref.Id)))
        {
            await RemoveLeftoverAsync(ctx, c, reason, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Emit(ReconcileContext ctx, string replicaId, string reason)
        => _events.Publish(new ReplicaRemoved { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = replicaId, Reason = reason });
}
