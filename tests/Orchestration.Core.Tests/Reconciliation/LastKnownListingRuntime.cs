using Orchestration.InMemory;
using Orchestration.Runtime;

namespace Orchestration.Tests.Reconciliation;

/// <summary>The in-memory runtime listed the way the Docker adapter lists: a node that does not answer contributes
/// the containers it held at its last successful list, so the orchestrator keeps seeing them while the node is away.</summary>
internal sealed class LastKnownListingRuntime(InMemoryRuntime inner) : IContainerRuntime
{
    private readonly Dictionary<string, List<ContainerInfo>> _lastKnown = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<NodeInfo>> GetNodesAsync(CancellationToken cancellationToken) => inner.GetNodesAsync(cancellationToken);

    public async Task<IReadOnlyList<ContainerInfo>> ListContainersAsync(string fleet, CancellationToken cancellationToken)
    {
        var listed = await inner.ListContainersAsync(fleet, cancellationToken);
        var result = new List<ContainerInfo>(listed);
        lock (_lastKnown)
        {
            foreach (var node in inner.Nodes)
            {
                if (node.State == NodeState.Ready)
                {
                    _lastKnown[node.Name] = [.. listed.Where(c => c.Ref.Node == node.Name)];
                }
                else if (_lastKnown.TryGetValue(node.Name, out var known))
                {
                    result.AddRange(known);
                }
            }
        }

        return result;
    }

    public IAsyncEnumerable<RuntimeEvent> WatchAsync(string fleet, CancellationToken cancellationToken) => inner.WatchAsync(fleet, cancellationToken);

    public void Validate(WorkloadSpec spec, ICollection<ValidationProblem> problems) => inner.Validate(spec, problems);

    public Task PrepareFleetAsync(string fleet, CancellationToken cancellationToken) => inner.PrepareFleetAsync(fleet, cancellationToken);

    public Task EnsureImageAsync(ContainerLaunch launch, CancellationToken cancellationToken) => inner.EnsureImageAsync(launch, cancellationToken);

    public Task<ContainerInfo> StartAsync(ContainerLaunch launch, CancellationToken cancellationToken) => inner.StartAsync(launch, cancellationToken);

    public Task StopAsync(ContainerRef container, TimeSpan gracePeriod, CancellationToken cancellationToken) => inner.StopAsync(container, gracePeriod, cancellationToken);

    public Task RemoveVolumeAsync(string node, string volume, CancellationToken cancellationToken) => inner.RemoveVolumeAsync(node, volume, cancellationToken);

    public Task RemoveAsync(ContainerRef container, CancellationToken cancellationToken) => inner.RemoveAsync(container, cancellationToken);

    public Task<ExecResult> ExecAsync(ContainerRef container, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken)
        => inner.ExecAsync(container, command, timeout, cancellationToken);

    public Task<IReadOnlyList<string>> GetLogsAsync(ContainerRef container, int tail, CancellationToken cancellationToken) => inner.GetLogsAsync(container, tail, cancellationToken);

    public Task DeleteFleetAsync(string fleet, CancellationToken cancellationToken) => inner.DeleteFleetAsync(fleet, cancellationToken);
}
