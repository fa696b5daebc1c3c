using Orchestration.Runtime;

namespace Orchestration.Scheduling;

/// <summary>A node as scheduler plugins see it: what the runtime reports plus what is already reserved on it. A
/// read-only view: only the scheduler changes the reservations behind it, under its lock, so a plugin never sees a
/// half-made reservation.</summary>
public interface ISchedulerNode
{
    /// <summary>What the runtime reports of the node.</summary>
    NodeInfo Info { get; }

    /// <summary>The node's name.</summary>
    string Name { get; }

    /// <summary>Whether the node takes new replicas.</summary>
    bool IsReady { get; }

    /// <summary>CPU capacity in millicores; zero means the runtime does not report it and CPU is not limited.</summary>
    long CpuCapacity { get; }

    /// <summary>Memory capacity in bytes; zero means the runtime does not report it and memory is not limited.</summary>
    long MemoryCapacity { get; }

    /// <summary>CPU reserved by the replicas placed here, in millicores.</summary>
    long CpuRequested { get; }

    /// <summary>Memory reserved by the replicas placed here, in bytes.</summary>
    long MemoryRequested { get; }

    /// <summary>Replicas of every workload placed here.</summary>
    int ReplicaCount { get; }

    /// <summary>Replicas of <paramref name="workload"/> placed here.</summary>
    int CountOf(string workload);

    /// <summary>Whether a replica placed here declared a required anti-affinity against <paramref name="workload"/>,
    /// which keeps that workload off this node.</summary>
    bool Repels(string workload);

    /// <summary>Whether <paramref name="request"/> fits in what is left of the node's capacity.</summary>
    bool Fits(in PlacementRequest request);
}
