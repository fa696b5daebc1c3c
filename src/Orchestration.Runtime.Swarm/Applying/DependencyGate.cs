using Orchestration.Runtime.Swarm.Observed;

namespace Orchestration.Runtime.Swarm.Applying;

/// <summary>What Swarm cannot express: start order. A dependant's service is created only once each dependency has
/// a healthy task (or, for a job, has completed), read from the observed tasks.</summary>
internal static class DependencyGate
{
    public static bool IsMet(DependencySpec dependency, FleetSpec fleet, SwarmSnapshot snapshot)
    {
        var status = SwarmStatusBuilder.Build(fleet.Name, fleet, snapshot)[dependency.Workload];
        return dependency.Condition switch
        {
            DependencyCondition.Completed => status?.Phase == WorkloadPhase.Completed,
            _ => status is { Ready: > 0 },
        };
    }
}
