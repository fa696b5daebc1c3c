using Orchestration.Events;
using Orchestration.Runtime;

namespace Orchestration.Reconciliation;

/// <summary>Stopping and removing replicas and containers.</summary>
internal sealed partial class WorkloadReconciler
{
    /// <summary>Stops (with the workload's grace period) and removes the replica's container, releases its node and
    /// forgets it.</summary>
    private async Task RemoveReplicaAsync(ReconcileContext ctx, WorkloadSpec? spec, ReplicaRecord record, string reason, CancellationToken cancellationToken)
    {
        record.Phase = ReplicaPhase.Terminating;
        if (record.Node is { } node && _observed.Node(node)?.Info.State != NodeState.Ready)
        {
            // Its container may come back with the node: remove it then.
            ctx.Book.Abandoned.Add(record.Id);
        }

        if (record.Container is { } container)
        {
            await StopAndRemoveAsync(container, spec?.StopGracePeriod ?? TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            record.Container = null;
        }

        Release(ctx, record);
        ctx.Book.Replicas.Remove(record.Id);
        Emit(new ReplicaRemoved { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = record.Id, Reason = reason });
    }

    private Task RemoveReplicasAsync(ReconcileContext ctx, WorkloadSpec? spec, IReadOnlyList<ReplicaRecord> records, string reason, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return Task.CompletedTask;
        }

        // The book's dictionary is not touched concurrently: containers are removed in parallel, bookkeeping after.
        return RemoveContainersThenForgetAsync(ctx, spec, records, reason, cancellationToken);
    }

    private async Task RemoveContainersThenForgetAsync(ReconcileContext ctx, WorkloadSpec? spec, IReadOnlyList<ReplicaRecord> records, string reason, CancellationToken cancellationToken)
    {
        var grace = spec?.StopGracePeriod ?? TimeSpan.Zero;
        await ForEachLimitedAsync(records, async (record, ct) =>
        {
            if (record.Container is { } container)
            {
                await StopAndRemoveAsync(container, grace, ct).ConfigureAwait(false);
                record.Container = null;
            }
        }, cancellationToken).ConfigureAwait(false);
        foreach (var record in records)
        {
            await RemoveReplicaAsync(ctx, spec, record, reason, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Removes every container and replica of a workload that is no longer desired.</summary>
    private async Task RemoveEverythingAsync(ReconcileContext ctx, IReadOnlyList<ContainerInfo> containers, string reason, CancellationToken cancellationToken)
    {
        await RemoveReplicasAsync(ctx, null, [.. ctx.Book.Replicas.Values], reason, cancellationToken).ConfigureAwait(false);
        foreach (var c in containers)
        {
            await RemoveContainerAsync(c.Ref, cancellationToken).ConfigureAwait(false);
            var id = c.Label(OrchestrationLabels.Replica) ?? c.Name;
            Emit(new ReplicaRemoved { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = id, Reason = reason });
        }
    }

    private async Task StopAndRemoveAsync(ContainerRef container, TimeSpan grace, CancellationToken cancellationToken)
    {
        var runtime = RuntimeOf(container.Node);
        if (runtime is null)
        {
            _observed.Removed(container);
            return;
        }

        try
        {
            if (grace > TimeSpan.Zero)
            {
                await runtime.StopAsync(container, grace, cancellationToken).ConfigureAwait(false);
            }

            await runtime.RemoveAsync(container, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (_observed.Node(container.Node)?.Info.State != NodeState.Ready && !cancellationToken.IsCancellationRequested)
        {
            // The node does not answer; its containers are removed when it is back (they belong to no replica then).
        }

        _observed.Removed(container);
    }

    private Task RemoveContainerAsync(ContainerRef container, CancellationToken cancellationToken)
        => StopAndRemoveAsync(container, TimeSpan.Zero, cancellationToken);
}
