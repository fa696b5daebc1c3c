using Microsoft.Extensions.DependencyInjection;
using Orchestration.Runtime;

namespace Orchestration.Testing.Sessions;

/// <summary>Wraps the fleet's runtime to put the session label (or, for a reused fleet, its reuse labels) on every
/// container it starts. These are launch labels, not part of the workload spec, so revisions stay those of the declared
/// workloads.</summary>
internal sealed class SessionLabellingRuntime(IContainerRuntime inner, IReadOnlyDictionary<string, string> labels) : IContainerRuntime
{
    /// <summary>Replaces the registered <see cref="IContainerRuntime"/> with this wrapper around it.</summary>
    public static void Decorate(IServiceCollection services, IReadOnlyDictionary<string, string> labels)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IContainerRuntime))
            ?? throw new InvalidOperationException("No container runtime is registered.");
        services.Remove(registered);
        services.AddSingleton<IContainerRuntime>(sp => new SessionLabellingRuntime(Resolve(sp, registered), labels));
    }

    public Task<IReadOnlyList<NodeInfo>> GetNodesAsync(CancellationToken cancellationToken) => inner.GetNodesAsync(cancellationToken);

    public Task<IReadOnlyList<ContainerInfo>> ListContainersAsync(string fleet, CancellationToken cancellationToken) => inner.ListContainersAsync(fleet, cancellationToken);

    public IAsyncEnumerable<RuntimeEvent> WatchAsync(string fleet, CancellationToken cancellationToken) => inner.WatchAsync(fleet, cancellationToken);

    public void Validate(WorkloadSpec spec, ICollection<ValidationProblem> problems) => inner.Validate(spec, problems);

    public Task PrepareFleetAsync(string fleet, CancellationToken cancellationToken) => inner.PrepareFleetAsync(fleet, cancellationToken);

    public Task EnsureImageAsync(ContainerLaunch launch, CancellationToken cancellationToken) => inner.EnsureImageAsync(launch, cancellationToken);

    public Task<ContainerInfo> StartAsync(ContainerLaunch launch, CancellationToken cancellationToken)
        => inner.StartAsync(launch with { Labels = launch.Labels.SetItems(labels) }, cancellationToken);

    public Task StopAsync(ContainerRef container, TimeSpan gracePeriod, CancellationToken cancellationToken) => inner.StopAsync(container, gracePeriod, cancellationToken);

    public Task RemoveAsync(ContainerRef container, CancellationToken cancellationToken) => inner.RemoveAsync(container, cancellationToken);

    public Task<ExecResult> ExecAsync(ContainerRef container, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken)
        => inner.ExecAsync(container, command, timeout, cancellationToken);

    public Task<IReadOnlyList<string>> GetLogsAsync(ContainerRef container, int tail, CancellationToken cancellationToken)
        => inner.GetLogsAsync(container, tail, cancellationToken);

    public IAsyncEnumerable<string> FollowLogsAsync(ContainerRef container, int tail, CancellationToken cancellationToken)
        => inner.FollowLogsAsync(container, tail, cancellationToken);

    public Task DeleteFleetAsync(string fleet, CancellationToken cancellationToken) => inner.DeleteFleetAsync(fleet, cancellationToken);

    public Task RemoveVolumeAsync(string node, string volume, CancellationToken cancellationToken) => inner.RemoveVolumeAsync(node, volume, cancellationToken);

    private static IContainerRuntime Resolve(IServiceProvider services, ServiceDescriptor registered)
        => (IContainerRuntime)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(services)

            ?? ActivatorUtilities.CreateInstance(services, registered.ImplementationType!));

    public IAsyncEnumerable<ContainerStats> StreamStatsAsync(ContainerRef container, CancellationToken cancellationToken)
        => inner.StreamStatsAsync(container, cancellationToken);
}
