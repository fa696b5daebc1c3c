using System.Collections.Immutable;
using Orchestration.Runtime;

namespace Orchestration.Scheduling;

/// <summary>A node as the scheduler sees it: what the runtime reports plus what is already reserved on it.
/// Plugins read it; only the scheduler changes it, under its lock, so a plugin never sees a half-made reservation.</summary>
public sealed class SchedulerNode
{
    private readonly Dictionary<string, int> _perWorkload = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _repelled = new(StringComparer.Ordinal);

    /// <summary>Creates the view of <paramref name="info"/> with nothing reserved.</summary>
    public SchedulerNode(NodeInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        Info = info;
    }

    /// <summary>What the runtime reports of the node.</summary>
    public NodeInfo Info { get; private set; }

    /// <summary>The node's name.</summary>
    public string Name => Info.Name;

    /// <summary>Whether the node takes new replicas.</summary>
    public bool IsReady => Info.State == NodeState.Ready;

    /// <summary>CPU capacity in millicores; zero means the runtime does not report it and CPU is not limited.</summary>
    public long CpuCapacity => Info.CpuMillicores;

    /// <summary>Memory capacity in bytes; zero means the runtime does not report it and memory is not limited.</summary>
    public long MemoryCapacity => Info.MemoryBytes;

    /// <summary>CPU reserved by the replicas placed here, in millicores.</summary>
    public long CpuRequested { get; private set; }

    /// <summary>Memory reserved by the replicas placed here, in bytes.</summary>
    public long MemoryRequested { get; private set; }

    /// <summary>Replicas of every workload placed here.</summary>
    public int ReplicaCount { get; private set; }

    /// <summary>Replicas of <paramref name="workload"/> placed here.</summary>
    public int CountOf(string workload) => _perWorkload.GetValueOrDefault(workload);

    /// <summary>Whether a replica placed here declared a required anti-affinity against <paramref name="workload"/>,
    /// which keeps that workload off this node.</summary>
    public bool Repels(string workload) => _repelled.Count > 0 && _repelled.ContainsKey(workload);

    /// <summary>Whether <paramref name="request"/> fits in what is left of the node's capacity.</summary>
    public bool Fits(in PlacementRequest request)
        => (CpuCapacity == 0 || CpuRequested + request.CpuMillicores <= CpuCapacity)
           && (MemoryCapacity == 0 || MemoryRequested + request.MemoryBytes <= MemoryCapacity);

    /// <summary>Creates the view of <paramref name="info"/> with nothing reserved, and the one writer that changes it.
    /// A scheduler keeps the writer and hands plugins the node, so a plugin reads reservations but never makes one.</summary>
    /// <param name="info">What the runtime reports of the node.</param>
    /// <param name="writer">The writer of the new node's reservations and runtime view.</param>
    public static SchedulerNode Create(NodeInfo info, out Writer writer)
    {
        var node = new SchedulerNode(info);
        writer = new Writer(node);
        return node;
    }

    private int Change(string workload, long cpu, long memory, ImmutableArray<string> repels, int sign)
    {
        foreach (var repelled in repels)
        {
            var n = _repelled.GetValueOrDefault(repelled) + sign;
            if (n <= 0)
            {
                _repelled.Remove(repelled);
            }
            else
            {
                _repelled[repelled] = n;
            }
        }

        CpuRequested += sign * cpu;
        MemoryRequested += sign * memory;
        ReplicaCount += sign;
        var count = _perWorkload.GetValueOrDefault(workload) + sign;
        if (count <= 0)
        {
            _perWorkload.Remove(workload);
            return 0;
        }

        _perWorkload[workload] = count;
        return count;
    }

    /// <summary>Changes one <see cref="SchedulerNode"/>: its runtime view and its reservations. Only
    /// <see cref="Create"/> makes one, so whoever created the node alone can change it; the caller serializes the
    /// changes with the plugins' reads (the scheduler does both under its lock).</summary>
    public sealed class Writer
    {
        private readonly SchedulerNode _node;

        internal Writer(SchedulerNode node) => _node = node;

        /// <summary>The node this writer changes.</summary>
        public SchedulerNode Node => _node;

        /// <summary>Replaces what the runtime reports of the node; its reservations stay.</summary>
        public void Update(NodeInfo info)
        {
            ArgumentNullException.ThrowIfNull(info);
            _node.Info = info;
        }

        /// <summary>Reserves one replica of <paramref name="workload"/> with its requests and the workloads its
        /// required anti-affinity keeps off the node; returns the workload's replica count on the node.</summary>
        public int Reserve(string workload, long cpuMillicores, long memoryBytes, ImmutableArray<string> repels)
            => _node.Change(workload, cpuMillicores, memoryBytes, repels, +1);

        /// <summary>Releases what <see cref="Reserve"/> reserved with the same arguments; returns the workload's
        /// replica count on the node.</summary>
        public int Release(string workload, long cpuMillicores, long memoryBytes, ImmutableArray<string> repels)
            => _node.Change(workload, cpuMillicores, memoryBytes, repels, -1);
    }
}
