namespace Orchestration.Reconciliation;

/// <summary>Retiring replicas: a retired replica leaves the endpoints at once (it is no longer ready), stays running
/// for the workload's drain delay, and only then is stopped and removed.</summary>
internal sealed partial class WorkloadReconciler
{
    private async Task RetireAsync(ReconcileContext ctx, WorkloadSpec spec, IReadOnlyList<ReplicaRecord> records, string reason, CancellationToken cancellationToken)
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
    private async Task FinishRetirementsAsync(ReconcileContext ctx, WorkloadSpec spec, CancellationToken cancellationToken)
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

        PublishStatus(ctx, spec);
        foreach (var group in due.GroupBy(r => r.RetireReason ?? "retired"))
        {
            await RemoveReplicasAsync(ctx, spec, [.. group], group.Key, cancellationToken).ConfigureAwait(false);
        }
    }
}
