using System.Collections.Immutable;
using Orchestration.Runtime;

namespace Orchestration;

/// <summary>One node as the fleet's orchestrator sees it: its state, whether it takes new replicas, and what the
/// fleet's replicas have reserved on it.</summary>
public sealed class NodeStatus : Snapshot
{
    /// <summary>Node name.</summary>
    public required string Name { get; init; }

    /// <summary><see cref="NodeState.Ready"/>; <see cref="NodeState.NotReady"/> while it does not answer, within the
    /// orchestrator's node-lost grace period; <see cref="NodeState.Lost"/> after it, when its replicas are rescheduled
    /// elsewhere.</summary>
    public required NodeState State { get; init; }

    /// <summary>Since when it has not been Ready; <see langword="null"/> while Ready.</summary>
    public DateTimeOffset? NotReadySince { get; init; }

    /// <summary>Why it is not Ready, as its runtime last reported (for example a refused connection or a rejected
    /// client certificate); <see langword="null"/> while Ready.</summary>
    public string? Reason { get; init; }

    /// <summary>Whether it is cordoned: it keeps its replicas but takes no new ones.</summary>
    public bool Cordoned { get; init; }

    /// <summary>Whether a drain is moving its replicas elsewhere.</summary>
    public bool Draining { get; init; }

    /// <summary>Labels for node selectors.</summary>
    public ImmutableSortedDictionary<string, string> Labels { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Taints that repel replicas without a matching toleration.</summary>
    public ImmutableArray<Taint> Taints { get; init; } = [];

    /// <summary>CPU capacity in millicores.</summary>
    public long CpuMillicores { get; init; }

    /// <summary>Memory capacity in bytes.</summary>
    public long MemoryBytes { get; init; }

    /// <summary>CPU the fleet's replicas placed here requested, in millicores.</summary>
    public long CpuRequestedMillicores { get; init; }

    /// <summary>Memory the fleet's replicas placed here requested, in bytes.</summary>
    public long MemoryRequestedBytes { get; init; }

    /// <summary>How many of the fleet's replicas are placed here.</summary>
    public int Replicas { get; init; }
}
