namespace Orchestration;

/// <summary>The fleet the application declares: the workloads registered with <c>AddWorkload</c>, with the overrides
/// of its configuration (<c>Orchestration:Workloads</c>) applied. The in-process control loop applies it when the host
/// starts; a backend that takes the loop's place (such as Docker Swarm) applies it instead. Registered by
/// <c>AddOrchestration</c>.</summary>
public interface IDeclaredFleet
{
    /// <summary>Builds the fleet and validates it.</summary>
    /// <returns>The fleet, overrides applied.</returns>
    /// <exception cref="SpecValidationException">A workload or a configured value is invalid; every problem is listed.</exception>
    FleetSpec Compose();
}
