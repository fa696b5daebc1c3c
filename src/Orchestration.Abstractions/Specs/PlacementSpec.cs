using System.Collections.Immutable;
using System.Text;
using Orchestration.Values;

namespace Orchestration;

/// <summary>How the scheduler scores nodes that can take a replica.</summary>
public enum PlacementStrategy
{
    /// <summary>Prefer the node with the fewest replicas of the workload and the most free capacity. The default.</summary>
    Spread,

    /// <summary>Prefer the fullest node that still fits, to leave whole nodes free.</summary>
    BinPack,
}

/// <summary>Where a workload's replicas may and should run.</summary>
public sealed record PlacementSpec
{
    /// <summary>No constraints, spread strategy.</summary>
    public static PlacementSpec Default { get; } = new();

    /// <summary>Labels a node must carry, all of them, to take a replica.</summary>
    public ImmutableSortedDictionary<string, string> NodeSelector { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Node taints this workload tolerates.</summary>
    public ImmutableArray<Toleration> Tolerations { get; init; } = [];

    /// <summary>Workloads whose replicas a replica of this one must never share a node with. Naming the workload
    /// itself means at most one replica per node.</summary>
    public ImmutableArray<string> RequiredAntiAffinity { get; init; } = [];

    /// <summary>Workloads whose replicas a replica of this one should avoid sharing a node with, when possible.</summary>
    public ImmutableArray<string> PreferredAntiAffinity { get; init; } = [];

    /// <summary>How nodes that fit are scored.</summary>
    public PlacementStrategy Strategy { get; init; } = PlacementStrategy.Spread;

    /// <summary>When set, a hard limit on how much the per-node replica counts of this workload may differ
    /// between eligible nodes (Kubernetes' topology spread <c>maxSkew</c>).</summary>
    public int? MaxSkew { get; init; }

    /// <summary>Whether <paramref name="other"/> holds the same values: every property equal, collections item by item
    /// and dictionaries entry by entry.</summary>
    public bool Equals(PlacementSpec? other)
        => ReferenceEquals(this, other)
           || (other is not null
               && ValueEquality.Map(NodeSelector, other.NodeSelector)
               && ValueEquality.Sequence(Tolerations, other.Tolerations)
               && ValueEquality.Sequence(RequiredAntiAffinity, other.RequiredAntiAffinity)
               && ValueEquality.Sequence(PreferredAntiAffinity, other.PreferredAntiAffinity)
               && Strategy == other.Strategy
               && MaxSkew == other.MaxSkew);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(ValueEquality.MapHash(NodeSelector));
        hash.Add(ValueEquality.SequenceHash(Tolerations));
        hash.Add(ValueEquality.SequenceHash(RequiredAntiAffinity));
        hash.Add(ValueEquality.SequenceHash(PreferredAntiAffinity));
        hash.Add(Strategy);
        hash.Add(MaxSkew);
        return hash.ToHashCode();
    }

    private bool PrintMembers(StringBuilder builder) => ValueShape.Of(typeof(PlacementSpec)).AppendMembers(builder, this);
}

/// <summary>The effect of a node taint on replicas that do not tolerate it.</summary>
public enum TaintEffect
{
    /// <summary>No new replica is placed on the node.</summary>
    NoSchedule,

    /// <summary>The scheduler avoids the node when another fits.</summary>
    PreferNoSchedule,

    /// <summary>No new replica is placed and running ones are moved away.</summary>
    NoExecute,
}

/// <summary>A mark on a node that repels replicas which do not tolerate it. A value: equal to another with the same
/// key, value and effect.</summary>
/// <param name="key">Taint key.</param>
/// <param name="value">Taint value, may be empty.</param>
/// <param name="effect">What the taint does.</param>
public sealed class Taint(string key, string value, TaintEffect effect) : Snapshot
{
    /// <summary>Taint key.</summary>
    public string Key { get; private init; } = key;

    /// <summary>Taint value, may be empty.</summary>
    public string Value { get; private init; } = value;

    /// <summary>What the taint does.</summary>
    public TaintEffect Effect { get; private init; } = effect;
}

/// <summary>Lets a workload's replicas be placed on nodes carrying a matching taint. A value: equal to another with the
/// same key, value and effect.</summary>
/// <param name="key">Taint key to match.</param>
/// <param name="value">Taint value to match; <see langword="null"/> tolerates any value of the key.</param>
/// <param name="effect">Effect to match; <see langword="null"/> tolerates every effect.</param>
public sealed class Toleration(string key, string? value = null, TaintEffect? effect = null) : Snapshot
{
    /// <summary>Taint key to match.</summary>
    public string Key { get; private init; } = key;

    /// <summary>Taint value to match; <see langword="null"/> tolerates any value of the key.</summary>
    public string? Value { get; private init; } = value;

    /// <summary>Effect to match; <see langword="null"/> tolerates every effect.</summary>
    public TaintEffect? Effect { get; private init; } = effect;

    /// <summary>Whether this toleration matches <paramref name="taint"/>.</summary>
    public bool Tolerates(Taint taint)
        => string.Equals(Key, taint.Key, StringComparison.Ordinal)
           && (Value is null || string.Equals(Value, taint.Value, StringComparison.Ordinal))
           && (Effect is null || Effect == taint.Effect);
}
