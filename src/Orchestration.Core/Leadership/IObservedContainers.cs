using Orchestration.Runtime;

namespace Orchestration.Leadership;

/// <summary>The fleet's containers as the control loop last observed them (each runtime's list, then its event
/// stream): read from memory, without a call to an engine, for extensions that watch what runs, such as the fencing of
/// a deposed leader's late writes. Registered by <c>AddOrchestration</c>.</summary>
public interface IObservedContainers
{
    /// <summary>Every observed container of the fleet's workloads.</summary>
    /// <returns>The containers as last observed.</returns>
    IReadOnlyList<ContainerInfo> List();

    /// <summary>The runtime that runs the containers of <paramref name="node"/>.</summary>
    /// <param name="node">A node's name, as in <see cref="ContainerRef.Node"/>.</param>
    /// <returns>The node's runtime; <see langword="null"/> for a node that was never observed.</returns>
    IContainerRuntime? RuntimeOf(string node);
}
