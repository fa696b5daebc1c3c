namespace Orchestration.Services;

/// <summary>How a service address chooses the replica for a new connection.</summary>
public enum BalancingStrategy
{
    /// <summary>Each ready replica in turn.</summary>
    RoundRobin,

    /// <summary>The ready replica with the fewest open connections; ties go round-robin.</summary>
    LeastConnections,
}
