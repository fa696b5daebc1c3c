using Orchestration.Values;

namespace Orchestration.Events;

/// <summary>A decision or observation of the orchestrator. Every event is published on
/// <see cref="IOrchestrator.Events"/> and logged; <see cref="Message"/> is the text that is logged.</summary>
/// <remarks>Events are values: two events are equal when they are of the same type and their properties are equal
/// (collections item by item), and <see cref="ToString"/> lists the properties, such as
/// <c>ReplicaStarted { Time = …, Fleet = shop, Workload = web, ReplicaId = r0, Node = node1, … }</c>. This base class
/// implements that once for every event type.</remarks>
public abstract class OrchestrationEvent
{
    /// <summary>When it happened, by the orchestrator's <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The fleet.</summary>
    public required string Fleet { get; init; }

    /// <summary>The workload it concerns, if any.</summary>
    public string? Workload { get; init; }

    /// <summary>A one-line human-readable description, free of secret values.</summary>
    public abstract string Message { get; }

    /// <summary>Whether the event reports something going wrong (logged as a warning).</summary>
    public virtual bool IsWarning => false;

    /// <summary>Whether two events are equal: the same type, and equal values in every property set when it was built.</summary>
    public static bool operator ==(OrchestrationEvent? left, OrchestrationEvent? right)
        => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two events differ (see <see cref="op_Equality"/>).</summary>
    public static bool operator !=(OrchestrationEvent? left, OrchestrationEvent? right) => !(left == right);

    /// <summary>Whether <paramref name="obj"/> is an event of the same type with equal property values.</summary>
    public sealed override bool Equals(object? obj)
        => ReferenceEquals(this, obj)
           || (obj is OrchestrationEvent other && other.GetType() == GetType() && ValueShape.Of(GetType()).AreEqual(this, other));

    /// <inheritdoc />
    public sealed override int GetHashCode() => ValueShape.Of(GetType()).HashOf(this);

    /// <summary>The event's type and properties, such as <c>ReplicaPending { …, ReplicaId = r0, Reason = … }</c>.</summary>
    public override string ToString() => ValueShape.Of(GetType()).Print(this);
}
