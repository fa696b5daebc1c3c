using System.Net;

namespace Orchestration.Services;

/// <summary>The fleet's DNS, for a runtime that creates containers: it answers the fleet's workload names from
/// readiness (only ready replicas resolve) on an address of this machine that a node's containers reach. A runtime
/// that points its containers at it creates them without the workload's name as a network alias. Registered by
/// <c>AddOrchestration</c>.</summary>
public interface IFleetDns
{
    /// <summary>Whether <paramref name="workload"/> is a workload of the desired state, whose name this DNS answers.</summary>
    /// <param name="workload">The workload's name.</param>
    bool Answers(string workload);

    /// <summary>Answers the fleet's names on <paramref name="gateway"/>:53 for the containers of
    /// <paramref name="node"/>; <see langword="false"/> when that address cannot be bound here (another machine's
    /// engine, no permission for port 53, in use), and the runtime then keeps the engine's own DNS.</summary>
    /// <param name="node">The node's name.</param>
    /// <param name="gateway">The node's fleet-network gateway, an address of this machine.</param>
    bool TryServe(string node, IPAddress gateway);
}
