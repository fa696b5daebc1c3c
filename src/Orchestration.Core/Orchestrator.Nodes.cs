using System.Collections.Immutable;
using Orchestration.Runtime;

namespace Orchestration;

/// <summary>Cordon, uncordon and drain of nodes.</summary>
internal sealed partial class Orchestrator
{
    public Task CordonAsync(string node, CancellationToken cancellationToken = default)
    {
        RequireNode(node);
        if (_scheduling.Cordon(node))
        {
            WakeAll();
        }

        return Task.CompletedTask;
    }

    public Task UncordonAsync(string node, CancellationToken cancellationToken = default)
    {
        RequireNode(node);
        if (_scheduling.Uncordon(node))
        {
            WakeAll();
        }

        return Task.CompletedTask;
    }

    public async Task DrainAsync(string node, int maxUnavailable = 1, CancellationToken cancellationToken = default)
    {
        RequireNode(node);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxUnavailable, 1);
        _scheduling.BeginDrain(node, maxUnavailable);
        WakeAll();
        try
        {
            while (true)
            {
                var changed = _status.Changed.Next;
                if (!HasServiceReplicaOn(node))
                {
                    return;
                }

                await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _scheduling.EndDrain(node);
        }
    }

    private bool HasServiceReplicaOn(string node)
    {
        var desired = _store.Current;
        return GetStatus().Workloads.Any(w => (desired?.Find(w.Name)?.Kind ?? WorkloadKind.Service) == WorkloadKind.Service
            && w.Replicas.Any(r => string.Equals(r.Node, node, StringComparison.Ordinal)));
    }

    /// <summary>Every observed node with the state the reconciler acts on (NotReady turns Lost after the grace period),
    /// its cordon and drain marks and what the fleet reserved on it.</summary>
    private ImmutableArray<NodeStatus> NodeStatuses()
    {
        var now = _time.GetUtcNow();
        var draining = _scheduling.DrainBudgets();
        var result = ImmutableArray.CreateBuilder<NodeStatus>();
        foreach (var node in _observed.Nodes())
        {
            var info = node.Info;
            long cpuRequested = 0, memoryRequested = 0;
            var replicas = 0;
            lock (_scheduling.Gate)
            {
                if (_scheduling.Find(info.Name) is { } placed)
                {
                    (cpuRequested, memoryRequested, replicas) = (placed.CpuRequested, placed.MemoryRequested, placed.ReplicaCount);
                }
            }

            result.Add(new NodeStatus
            {
                Name = info.Name,
                State = node.StateAt(now, _nodeLostGracePeriod),
                NotReadySince = info.State == NodeState.Ready ? null : node.NotReadySince,
                Reason = info.State == NodeState.Ready ? null : info.Reason,
                Cordoned = _scheduling.IsCordoned(info.Name),
                Draining = draining.ContainsKey(info.Name),
                Labels = info.Labels,
                Taints = info.Taints,
                CpuMillicores = info.CpuMillicores,
                MemoryBytes = info.MemoryBytes,
                CpuRequestedMillicores = cpuRequested,
                MemoryRequestedBytes = memoryRequested,
                Replicas = replicas,
            });
        }

        return result.ToImmutable();
    }

    private void RequireNode(string node)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(node);
        if (_observed.Node(node) is null && _scheduling.Find(node) is null)
        {
            throw new ArgumentException($"Node '{node}' is not a node of fleet '{FleetName}'.", nameof(node));
        }
    }

    private void WakeAll()
    {
        foreach (var workload in _store.Current?.Workloads ?? [])
        {
            _loop.Queue?.Add(workload.Name);
        }
    }
}
