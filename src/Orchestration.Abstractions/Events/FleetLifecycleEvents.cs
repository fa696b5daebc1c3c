namespace Orchestration.Events;

/// <summary>Every container and runtime resource of the fleet was removed.</summary>
public sealed class FleetDeleted : OrchestrationEvent
{
    /// <summary>Containers removed.</summary>
    public required int Containers { get; init; }

    /// <inheritdoc />
    public override string Message => $"Fleet '{Fleet}' deleted: {Containers} containers removed";
}
