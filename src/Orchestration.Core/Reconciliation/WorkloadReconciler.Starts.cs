using Orchestration.Runtime;

namespace Orchestration.Reconciliation;

/// <summary>Starting containers for placed replicas whose backoff has passed, a few at a time.</summary>
internal sealed partial class WorkloadReconciler
{
    private async Task StartDueAsync(ReconcileContext ctx, WorkloadSpec spec, CancellationToken cancellationToken)
    {
        // The clock now, not at the reconcile's start: a restart whose short delay passed during this reconcile (an
        // exit handled above) starts now instead of in a reconcile of its own.
        var now = _time.GetUtcNow();
        var due = new List<ReplicaRecord>();
        foreach (var record in ctx.Book.Replicas.Values)
        {
            if (record.Phase is not (ReplicaPhase.Pending or ReplicaPhase.BackOff) || record.Node is null || record.Container is not null)
            {
                continue;
            }

            if (record.BackoffUntil is { } until && until > now)
            {
                ctx.RequeueIn(until - now);
                continue;
            }

            if (_observed.Node(record.Node)?.Info.State == NodeState.Ready)
            {
                due.Add(record);
            }
        }

        var outcomes = new (ContainerInfo? Info, Exception? Error)[due.Count];
        await ForEachLimitedAsync(Enumerable.Range(0, due.Count).ToList(), async (i, ct) =>
        {
            try
            {
                outcomes[i] = (await StartOneAsync(spec, due[i], ct).ConfigureAwait(false), null);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                outcomes[i] = (null, ex);
            }
        }, cancellationToken).ConfigureAwait(false);

        for (var i = 0; i < due.Count; i++)
        {
            var record = due[i];
            if (outcomes[i].Info is { } info)
            {
                _observed.Started(info);
                record.Container = info.Ref;
                record.Phase = ReplicaPhase.Starting;
                record.ImageRetries = 0;
                if (info.State == ContainerState.Running)
                {
                    MarkRunning(ctx, record, info);
                }
            }
            else if (outcomes[i].Error is ImageUnavailableException missing)
            {
                WaitForImage(ctx, record, missing);
            }
            else
            {
                var reason = $"start failed: {outcomes[i].Error?.Message}";
                OnExit(ctx, spec, record, null, reason);
            }
        }
    }

    private async Task<ContainerInfo> StartOneAsync(WorkloadSpec spec, ReplicaRecord record, CancellationToken cancellationToken)
    {
        var node = record.Node!;
        var runtime = RuntimeOf(node) ?? throw new InvalidOperationException($"Node '{node}' belongs to no runtime.");
        record.Attempt++;
        var launch = await _launches.CreateAsync(spec, record.Id, record.Attempt, node, cancellationToken).ConfigureAwait(false);
        await runtime.EnsureImageAsync(launch, cancellationToken).ConfigureAwait(false);
        return await runtime.StartAsync(launch, cancellationToken).ConfigureAwait(false);
    }

    private async Task ForEachLimitedAsync<T>(IReadOnlyList<T> items, Func<T, CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        if (items.Count == 1 || _maxParallelStarts == 1)
        {
            foreach (var item in items)
            {
                await action(item, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = _maxParallelStarts, CancellationToken = cancellationToken }, async (item, ct) => await action(item, ct).ConfigureAwait(false)).ConfigureAwait(false);
    }
}
