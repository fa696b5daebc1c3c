namespace Orchestration.Events;

/// <summary>A workload (<see cref="OrchestrationEvent.Workload"/>) starts without waiting for <see cref="Dependency"/> to
/// be ready, because the dependency is an autoscaled service at zero replicas: it has no replica to wait for until a
/// connection wakes it. The first connection to the dependency's service address starts a replica of it.</summary>
public sealed class DependencyAtZero : OrchestrationEvent
{
    /// <summary>The dependency, an autoscaled service at zero.</summary>
    public required string Dependency { get; init; }

    /// <inheritdoc />
    public override string Message
        => $"'{Workload}' starts without waiting for its dependency '{Dependency}', which is autoscaled to zero; a connection to the service address of '{Dependency}' wakes it";
}
