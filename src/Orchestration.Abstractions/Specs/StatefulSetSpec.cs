using System.Collections.Immutable;
using System.Text;
using Orchestration.Values;

namespace Orchestration;

/// <summary>How a stateful set's replicas keep their identity and state (Kubernetes' StatefulSet fields).</summary>
public sealed record StatefulSetSpec
{
    /// <summary>OrderedReady, no partition, no volume templates, volumes retained.</summary>
    public static StatefulSetSpec Default { get; } = new();

    /// <summary>Whether replicas start and stop one at a time in ordinal order, or all at once.</summary>
    /// <value>The default value is <see cref="PodManagementPolicy.OrderedReady"/>.</value>
    public PodManagementPolicy PodManagement { get; init; } = PodManagementPolicy.OrderedReady;

    /// <summary>A rolling update replaces only the replicas whose ordinal is at least this, from the highest down;
    /// the others keep their revision (a staged or canary rollout).</summary>
    /// <value>The default value is 0 (every replica).</value>
    public int Partition { get; init; }

    /// <summary>Named volumes created once per replica (the volumeClaimTemplates analogue) and mounted at their
    /// targets; replica <c>n</c> of workload <c>db</c> always gets the same volume.</summary>
    public ImmutableArray<VolumeClaimTemplate> VolumeTemplates { get; init; } = [];

    /// <summary>What happens to a replica's volumes when scaling down removes it.</summary>
    /// <value>The default value is <see cref="VolumeRetention.Retain"/>.</value>
    public VolumeRetention WhenScaled { get; init; } = VolumeRetention.Retain;

    /// <summary>What happens to the volumes when the workload is taken out of the fleet.</summary>
    /// <value>The default value is <see cref="VolumeRetention.Retain"/>.</value>
    public VolumeRetention WhenDeleted { get; init; } = VolumeRetention.Retain;

    /// <summary>Whether <paramref name="other"/> holds the same values: every property equal, collections item by item
    /// and dictionaries entry by entry.</summary>
    public bool Equals(StatefulSetSpec? other)
        => ReferenceEquals(this, other)
           || (other is not null
               && PodManagement == other.PodManagement
               && Partition == other.Partition
               && ValueEquality.Sequence(VolumeTemplates, other.VolumeTemplates)
               && WhenScaled == other.WhenScaled
               && WhenDeleted == other.WhenDeleted);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(PodManagement);
        hash.Add(Partition);
        hash.Add(ValueEquality.SequenceHash(VolumeTemplates));
        hash.Add(WhenScaled);
        hash.Add(WhenDeleted);
        return hash.ToHashCode();
    }

    private bool PrintMembers(StringBuilder builder) => ValueShape.Of(typeof(StatefulSetSpec)).AppendMembers(builder, this);
}

/// <summary>A per-replica volume of a stateful set. A value: equal to another with the same properties.</summary>
/// <param name="name">The template's name (a DNS label); the volume of replica <c>n</c> is named after the fleet, the
/// workload, this name and <c>n</c>.</param>
/// <param name="target">Absolute path inside the container.</param>
/// <param name="readOnly">Whether the container may only read.</param>
public sealed class VolumeClaimTemplate(string name, string target, bool readOnly = false) : Snapshot
{
    /// <summary>The template's name (a DNS label).</summary>
    public string Name { get; private init; } = name;

    /// <summary>Absolute path inside the container.</summary>
    public string Target { get; private init; } = target;

    /// <summary>Whether the container may only read.</summary>
    public bool ReadOnly { get; private init; } = readOnly;
}

/// <summary>How a stateful set starts and stops its replicas.</summary>
public enum PodManagementPolicy
{
    /// <summary>Replica <c>n</c> starts only once replicas 0 … n-1 are ready; scaling down removes the highest ordinal
    /// first, one at a time.</summary>
    OrderedReady,

    /// <summary>All replicas start and stop at once.</summary>
    Parallel,
}

/// <summary>Whether per-replica volumes outlive their replica.</summary>
public enum VolumeRetention
{
    /// <summary>Kept: a replica that comes back finds its data.</summary>
    Retain,

    /// <summary>Removed with the replica.</summary>
    Delete,
}
