using System.Collections.Concurrent;

namespace Orchestration.Reconciliation;

/// <summary>The last status each reconcile computed, per workload; read by <see cref="IOrchestrator.GetStatus"/>.
/// Every change is signalled to waiters.</summary>
internal sealed class StatusBoard
{
    private readonly ConcurrentDictionary<string, WorkloadStatus> _statuses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _unplaced = new(StringComparer.Ordinal);
    private long _version;

    public ChangeSignal Changed { get; } = new();

    /// <summary>Grows with every change, before it is signalled: a reader that derived something from an older
    /// version knows it is behind.</summary>
    public long Version => Interlocked.Read(ref _version);

    public WorkloadStatus? Get(string workload) => _statuses.GetValueOrDefault(workload);

    public IEnumerable<WorkloadStatus> All => _statuses.Values;

    /// <summary>Workloads with replicas no node could take.</summary>
    public IEnumerable<string> WithUnplacedReplicas => _unplaced.Where(p => p.Value > 0).Select(p => p.Key);

    public void Set(WorkloadStatus status, int unplaced)
    {
        _statuses[status.Name] = status;
        _unplaced[status.Name] = unplaced;
        Interlocked.Increment(ref _version);
        Changed.Notify();
    }

    public void Remove(string workload)
    {
        _unplaced.TryRemove(workload, out _);
        if (_statuses.TryRemove(workload, out _))
        {
            Interlocked.Increment(ref _version);
            Changed.Notify();
        }
    }

    public void Clear()
    {
        _statuses.Clear();
        _unplaced.Clear();
        Interlocked.Increment(ref _version);
        Changed.Notify();
    }
}
