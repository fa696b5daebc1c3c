using System.Collections.Immutable;
using Orchestration.Runtime;

namespace Orchestration.Scheduling;

/// <summary>A node as the scheduler keeps it: what the runtime reports plus what is already reserved on it. Plugins
/// see it as the read-only <see cref="ISchedulerNode"/>; only the scheduler changes it, under its lock, so a plugin
/// never sees a half-made reservation.</summary>
internal sealed class SchedulerNode : ISchedulerNode
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
    public NodeInfo Info { get; set; }

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

    /// <summary>Index in the scheduler's node table; internal bookkeeping.</summary>
    public int Index { get; set; }

    public int Add(string workload, long cpu, long memory, ImmutableArray<string> repels, int sign)
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
}
