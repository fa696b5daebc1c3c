using Orchestration.Observed;
using Orchestration.Runtime;

namespace Orchestration.Leadership;

/// <summary>Reads <see cref="IObservedContainers"/> from the observed state.</summary>
internal sealed class ObservedContainers(ObservedState observed) : IObservedContainers
{
    public IReadOnlyList<ContainerInfo> List() => [.. observed.Workloads().SelectMany(observed.ContainersOf)];

    public IContainerRuntime? RuntimeOf(string node) => observed.Node(node)?.Runtime;
}
