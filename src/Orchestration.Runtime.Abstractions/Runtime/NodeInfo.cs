using System.Collections.Immutable;

namespace Orchestration.Runtime;

/// <summary>A node as its runtime reports it.</summary>
public sealed record NodeInfo
{
    /// <summary>Unique node name.</summary>
    public required string Name { get; init; }

    /// <summary>Whether it answers.</summary>
    public NodeState State { get; init; } = NodeState.Ready;

    /// <summary>Labels for node selectors.</summary>
    public ImmutableSortedDictionary<string, string> Labels { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Taints that repel replicas without a matching toleration.</summary>
    public ImmutableArray<Taint> Taints { get; init; } = [];

    /// <summary>CPU capacity in millicores.</summary>
    public long CpuMillicores { get; init; }

    /// <summary>Memory capacity in bytes.</summary>
    public long MemoryBytes { get; init; }

    /// <summary>Why it is not Ready, as far as its runtime knows (for example the engine's connection error).</summary>
    public string? Reason { get; init; }
}
