using Docker.DotNet;
using Microsoft.Extensions.Options;
using Orchestration.Runtime.Docker.Client;
using Orchestration.Runtime.Docker.Containers;
using Orchestration.Runtime.Docker.Events;
using Orchestration.Runtime.Docker.Images;
using Orchestration.Runtime.Docker.Networks;

namespace Orchestration.Runtime.Docker;

/// <summary>The Docker runtime: every configured engine is a node. Each concern lives in its own service; this class
/// only routes the contract's calls to them.</summary>
internal sealed class DockerContainerRuntime(
    DockerNodes nodes,
    FleetNetworks networks,
    ContainerLifecycle lifecycle,
    ContainerQueries queries,
    ExecRunner exec,
    ImageService images,
    FleetEventWatch events,
    IOptions<DockerRuntimeOptions> options) : IContainerRuntime
{
    public async Task<IReadOnlyList<NodeInfo>> GetNodesAsync(CancellationToken cancellationToken)
        => await Task.WhenAll(nodes.All.Select(n => n.DescribeAsync(cancellationToken))).ConfigureAwait(false);

    public Task<IReadOnlyList<ContainerInfo>> ListContainersAsync(string fleet, CancellationToken cancellationToken)
        => queries.ListAsync(fleet, cancellationToken);

    public IAsyncEnumerable<RuntimeEvent> WatchAsync(string fleet, CancellationToken cancellationToken)
        => events.WatchAsync(fleet, cancellationToken);

    public void Validate(WorkloadSpec spec, ICollection<ValidationProblem> problems)
        => DockerSecurityPolicy.Validate(spec, options.Value, problems);

    public async Task PrepareFleetAsync(string fleet, CancellationToken cancellationToken)
    {
        // A node that cannot be reached is skipped and marked NotReady (its pings bring it back, and a replica started
        // there later creates the network itself). Only when no node can be reached does the start fail.
        var ready = nodes.All.Where(n => n.State == NodeState.Ready).ToList();
        var failures = (await Task.WhenAll(ready.Select(n => TryEnsureNetworkAsync(n, fleet, cancellationToken))).ConfigureAwait(false))
            .OfType<DockerEngineException>()
            .ToList();
        if (failures.Count > 0 && failures.Count == ready.Count)
        {
            throw failures.Count == 1 ? failures[0] : new AggregateException("No Docker engine of the fleet can be reached.", failures);
        }
    }

    /// <summary>Ensures the fleet network on <paramref name="node"/>; returns the failure when the engine cannot be
    /// reached (refused connection, TLS failure, timeout). An engine's error answer is thrown.</summary>
    private async Task<DockerEngineException?> TryEnsureNetworkAsync(DockerNode node, string fleet, CancellationToken cancellationToken)
    {
        try
        {
            await networks.EnsureAsync(node, fleet, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is not (DockerApiException or DockerEngineException) && !cancellationToken.IsCancellationRequested)
        {
            node.TrySetState(NodeState.NotReady);
            return new DockerEngineException(node.Name, $"{node.Endpoint.Uri} cannot be reached: {EngineErrors.Describe(e)}", e);
        }
    }

    public Task EnsureImageAsync(ContainerLaunch launch, CancellationToken cancellationToken)
        => images.EnsureAsync(launch.Node, launch.Container.Image, launch.Container.PullPolicy, cancellationToken);

    public async Task<ContainerInfo> StartAsync(ContainerLaunch launch, CancellationToken cancellationToken)
    {
        try
        {
            return await lifecycle.StartAsync(launch, cancellationToken).ConfigureAwait(false);
        }
        catch (ImageUnavailableException)
        {
            images.Forget(launch.Node, launch.Container.Image);
            throw;
        }
    }

    public Task StopAsync(ContainerRef container, TimeSpan gracePeriod, CancellationToken cancellationToken)
        => lifecycle.StopAsync(container, gracePeriod, cancellationToken);

    public Task RemoveAsync(ContainerRef container, CancellationToken cancellationToken)
        => lifecycle.RemoveAsync(container, cancellationToken);

    public Task RemoveVolumeAsync(string node, string volume, CancellationToken cancellationToken)
        => lifecycle.RemoveVolumeAsync(node, volume, cancellationToken);

    public Task<ExecResult> ExecAsync(ContainerRef container, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken)
        => exec.RunAsync(container, command, timeout, cancellationToken);

    public Task<IReadOnlyList<string>> GetLogsAsync(ContainerRef container, int tail, CancellationToken cancellationToken)
        => queries.GetLogsAsync(container, tail, cancellationToken);

    public IAsyncEnumerable<string> FollowLogsAsync(ContainerRef container, int tail, CancellationToken cancellationToken)
        => ContainerLogFollower.FollowAsync(nodes[container.Node], container, tail, cancellationToken);

    public IAsyncEnumerable<ContainerStats> StreamStatsAsync(ContainerRef container, CancellationToken cancellationToken)
        => ContainerStatsStream.ReadAsync(nodes[container.Node], container, cancellationToken);

    public async Task DeleteFleetAsync(string fleet, CancellationToken cancellationToken)
    {
        await Task.WhenAll(nodes.All.Select(n => networks.DeleteAsync(n, fleet, cancellationToken))).ConfigureAwait(false);
        await Task.WhenAll(nodes.All.Where(n => n.State == NodeState.Ready).Select(n => lifecycle.CleanUpFilesAsync(n.Name, fleet, cancellationToken))).ConfigureAwait(false);
    }
}
