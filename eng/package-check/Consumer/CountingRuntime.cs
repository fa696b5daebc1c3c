using Orchestration;
using Orchestration.Runtime;

/// <summary>A runtime adapter written against the contract in the packages: it passes every call to another runtime
/// and counts the containers it starts.</summary>
public sealed class CountingRuntime(IContainerRuntime inner) : IContainerRuntime
{
    private int _started;

    public int Started => _started;

    public Task<IReadOnlyList<NodeInfo>> GetNodesAsync(CancellationToken cancellationToken) => inner.GetNodesAsync(cancellationToken);

    public Task<IReadOnlyList<ContainerInfo>> ListContainersAsync(string fleet, CancellationToken cancellationToken) => inner.ListContainersAsync(fleet, cancellationToken);

    public IAsyncEnumerable<RuntimeEvent> WatchAsync(string fleet, CancellationToken cancellationToken) => inner.WatchAsync(fleet, cancellationToken);

    public void Validate(WorkloadSpec spec, ICollection<ValidationProblem> problems) => inner.Validate(spec, problems);

    public Task PrepareFleetAsync(string fleet, CancellationToken cancellationToken) => inner.PrepareFleetAsync(fleet, cancellationToken);

    public Task EnsureImageAsync(ContainerLaunch launch, CancellationToken cancellationToken) => inner.EnsureImageAsync(launch, cancellationToken);

    public Task<ContainerInfo> StartAsync(ContainerLaunch launch, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _started);
        return inner.StartAsync(launch, cancellationToken);
    }

    public Task StopAsync(ContainerRef container, TimeSpan gracePeriod, CancellationToken cancellationToken) => inner.StopAsync(container, gracePeriod, cancellationToken);

    public Task RemoveAsync(ContainerRef container, CancellationToken cancellationToken) => inner.RemoveAsync(container, cancellationToken);

    public Task<ExecResult> ExecAsync(ContainerRef container, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken)
        => inner.ExecAsync(container, command, timeout, cancellationToken);

    public Task<IReadOnlyList<string>> GetLogsAsync(ContainerRef container, int tail, CancellationToken cancellationToken) => inner.GetLogsAsync(container, tail, cancellationToken);

    public Task RemoveVolumeAsync(string node, string volume, CancellationToken cancellationToken) => inner.RemoveVolumeAsync(node, volume, cancellationToken);

    public Task DeleteFleetAsync(string fleet, CancellationToken cancellationToken) => inner.DeleteFleetAsync(fleet, cancellationToken);
}
