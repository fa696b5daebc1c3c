using Orchestration.Values;

namespace Orchestration;

/// <summary>An immutable value compared by value: what the orchestrator reports and apps read (a fleet's, workload's,
/// replica's, node's or autoscaler's status, an endpoint, a revision, a log line, a validation problem), and the small
/// parts of a spec that are given whole, through their constructor (a port, a mount, a dependency, a secret reference, a
/// taint, a toleration). Two are equal when they are of the same type and their properties are equal (collections item
/// by item, dictionaries entry by entry), and <see cref="ToString"/> lists the properties, such as
/// <c>NodeStatus { Name = node1, State = Ready, … }</c>. This base class implements that once for every such type.</summary>
public abstract class Snapshot
{
    /// <summary>Whether two snapshots are equal: the same type, and equal values in every property set when it was built.</summary>
    public static bool operator ==(Snapshot? left, Snapshot? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two snapshots differ (see <see cref="op_Equality"/>).</summary>
    public static bool operator !=(Snapshot? left, Snapshot? right) => !(left == right);

    /// <summary>Whether <paramref name="obj"/> is a snapshot of the same type with equal property values.</summary>
    public sealed override bool Equals(object? obj)
        => ReferenceEquals(this, obj)
           || (obj is Snapshot other && other.GetType() == GetType() && ValueShape.Of(GetType()).AreEqual(this, other));

    /// <inheritdoc />
    public sealed override int GetHashCode() => ValueShape.Of(GetType()).HashOf(this);

    /// <summary>The snapshot's type and properties.</summary>
    public override string ToString() => ValueShape.Of(GetType()).Print(this);
}
