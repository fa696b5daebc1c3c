namespace Orchestration.Events;

/// <summary>A stateful replica's volume was removed, per the workload's retention policy.</summary>
public sealed class VolumeRemoved : OrchestrationEvent
{
    /// <summary>The volume's name.</summary>
    public required string Volume { get; init; }

    /// <summary>The node that held it.</summary>
    public required string Node { get; init; }

    /// <inheritdoc />
    public override string Message => $"Removed volume '{Volume}' of workload '{Workload}' from node '{Node}'";
}
