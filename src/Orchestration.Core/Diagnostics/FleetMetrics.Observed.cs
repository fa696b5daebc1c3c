using System.Diagnostics.Metrics;
using Orchestration.Observed;
using Orchestration.Reconciliation;
using Orchestration.Runtime;

namespace Orchestration.Diagnostics;

/// <summary>The counts read when a listener collects: replicas per workload from the status board, nodes per state
/// from the observed state.</summary>
internal sealed partial class FleetMetrics
{
    private readonly StatusBoard _status;
    private readonly ObservedState _observed;
    private readonly TimeProvider _time;
    private readonly TimeSpan _nodeLostGracePeriod;

    private IEnumerable<Measurement<int>> ObserveDesired() => ObserveWorkloads(static s => s.Desired);

    private IEnumerable<Measurement<int>> ObserveReady() => ObserveWorkloads(static s => s.Ready);

    private IEnumerable<Measurement<int>> ObserveWorkloads(Func<WorkloadStatus, int> count)
    {
        if (_disposed)
        {
            return [];
        }

        return [.. _status.All.Select(s => new Measurement<int>(count(s), _fleet, new(MetricTags.Workload, s.Name)))];
    }

    /// <summary>Every state, zero included, so a series does not vanish when its last node leaves it. A node NotReady
    /// for longer than the grace period counts as lost, as in <see cref="NodeStatus.State"/>.</summary>
    private IEnumerable<Measurement<int>> ObserveNodes()
    {
        if (_disposed)
        {
            return [];
        }

        var now = _time.GetUtcNow();
        int ready = 0, notReady = 0, lost = 0;
        foreach (var node in _observed.Nodes())
        {
            switch (node.StateAt(now, _nodeLostGracePeriod))
            {
                case NodeState.Lost:
                    lost++;
                    break;
                case NodeState.NotReady:
                    notReady++;
                    break;
                default:
                    ready++;
                    break;
            }
        }

        return
        [
            new(ready, _fleet, new(MetricTags.NodeState, "ready")),
            new(notReady, _fleet, new(MetricTags.NodeState, "not_ready")),
            new(lost, _fleet, new(MetricTags.NodeState, "lost")),
        ];
    }
}
