using Orchestration.Logs;

namespace Orchestration;

/// <summary>Following the output of a workload's containers.</summary>
internal sealed partial class Orchestrator
{
    public IAsyncEnumerable<LogLine> FollowLogsAsync(string workload, int tail = 0, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workload);
        ArgumentOutOfRangeException.ThrowIfNegative(tail);
        if (_store.Current?.Find(workload) is null)
        {
            throw UnknownWorkload.Exception(workload, FleetName, _store.Current?.Workloads.Select(w => w.Name) ?? [], nameof(workload));
        }

        var follower = new WorkloadLogFollower(workload, tail, () => _status.Get(workload), () => _status.Changed.Next, node => _observed.Node(node)?.Runtime);
        return follower.FollowAsync(cancellationToken);
    }
}
