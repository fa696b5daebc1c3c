using Orchestration.Observed;
using Orchestration.Scheduling;

namespace Orchestration.Reconciliation;

/// <summary>Kubernetes' taint-based eviction for services: a replica on a node that carries a NoExecute taint its
/// workload does not tolerate is retired, and scaling places its replacement on a node the scheduler allows. (Daemon
/// set replicas leave such a node because it is no longer eligible for them.)</summary>
internal sealed class NoExecuteEviction
{
    private readonly ObservedState _observed;
    private readonly ReplicaRemoval _removal;

    public NoExecuteEviction(ObservedState observed, ReplicaRemoval removal)
    {
        _observed = observed;
        _removal = removal;
    }

    public async Task EvictAsync(ReconcileContext ctx, WorkloadSpec spec, CancellationToken cancellationToken)
    {
        var evicted = new Dictionary<string, List<ReplicaRecord>>(StringComparer.Ordinal);
        foreach (var record in ctx.Book.Replicas.Values)
        {
            if (!record.IsLive || record.IsLeaving || record.Node is not { } node
                || _observed.Node(node)?.Info is not { } info || PlacementRules.UntoleratedNoExecute(spec, info) is not { } taint)
            {
                continue;
            }

            var reason = $"its node '{node}' has the taint {taint.Key}={taint.Value}:NoExecute, which the workload does not tolerate";
            if (!evicted.TryGetValue(reason, out var records))
            {
                evicted[reason] = records = [];
            }

            records.Add(record);
        }

        foreach (var (reason, records) in evicted)
        {
            await _removal.RetireAsync(ctx, spec, records, reason, cancellationToken).ConfigureAwait(false);
        }
    }
}
