using Orchestration.Observed;

namespace Orchestration.Reconciliation;

/// <summary>The node lifecycle controller: reconciles a node key (<see cref="NodeKeys"/>). A node that stopped answering
/// is watched through its grace period; when the period ends it is declared lost (<see cref="NodeConditions"/>) and
/// every workload is woken once for that outage, so that the controllers of the kinds replace or give up its replicas.
/// NoExecute taints and drains are applied by the workload controllers through <see cref="NoExecuteEviction"/> and
/// <see cref="DrainMoves"/>. Workloads keep no timers for nodes: this controller does.</summary>
internal sealed class NodeLifecycleController
{
    private readonly NodeConditions _conditions;
    private readonly ObservedState _observed;
    private readonly WakeRequests _wake;
    private readonly TimeProvider _time;

    /// <summary>Per node, the outage (its NotReady start) whose loss the workloads were already woken for.</summary>
    private readonly Dictionary<string, DateTimeOffset?> _handled = new(StringComparer.Ordinal);

    public NodeLifecycleController(NodeConditions conditions, ObservedState observed, WakeRequests wake, TimeProvider time)
    {
        _conditions = conditions;
        _observed = observed;
        _wake = wake;
        _time = time;
    }

    public ReconcileResult Reconcile(string node)
    {
        var now = _time.GetUtcNow();
        var (health, lostAt) = _conditions.Check(node, now);
        if (health == NodeHealth.Waiting && lostAt is { } at)
        {
            return new ReconcileResult(at - now > TimeSpan.FromMilliseconds(1) ? at - now : TimeSpan.FromMilliseconds(1));
        }

        if (health == NodeHealth.Lost)
        {
            var outage = _observed.Node(node)?.NotReadySince;
            lock (_handled)
            {
                if (_handled.TryGetValue(node, out var handled) && handled == outage)
                {
                    return ReconcileResult.Done;
                }

                _handled[node] = outage;
            }

            _wake.WakeWorkloads();
        }

        return ReconcileResult.Done;
    }
}
