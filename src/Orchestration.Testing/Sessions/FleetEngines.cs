using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestration.Runtime;
using Orchestration.Runtime.Docker;

namespace Orchestration.Testing.Sessions;

/// <summary>The engines a test fleet runs on, reached directly: to sweep dead sessions and to create the fleet's
/// network ahead of the runtime, carrying the session label (the runtime adopts a network that has its name and fleet
/// label), so that the watchdog can find and remove it.</summary>
internal sealed class FleetEngines : IAsyncDisposable
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<EngineEndpoint, System.Version> ApiVersions = new();

    private readonly List<DockerClient> _clients = [];

    private FleetEngines(IReadOnlyList<EngineEndpoint> engines) => Engines = engines;

    /// <summary>The engines, one per node, with the TLS certificates each needs.</summary>
    public IReadOnlyList<EngineEndpoint> Engines { get; }

    /// <summary>The engine endpoints, one per node.</summary>
    public IReadOnlyList<Uri> Endpoints => [.. Engines.Select(e => e.Uri)];

    /// <summary>The engines of <paramref name="options"/>' nodes, resolved as the Docker runtime resolves them (the
    /// node's endpoint and certificates, else <c>DOCKER_HOST</c> with <c>DOCKER_CERT_PATH</c>, else the default socket).</summary>
    public static FleetEngines Of(DockerRuntimeOptions options)
    {
        IEnumerable<DockerNodeOptions> nodes = options.Nodes.Count == 0 ? [new DockerNodeOptions()] : options.Nodes;
        return new FleetEngines([.. nodes.Select(EngineEndpoint.Resolve).DistinctBy(e => e.Uri)]);
    }

    /// <summary>Connects to every engine; fails with a message naming the engine that does not answer.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        foreach (var engine in Engines)
        {
            try
            {
                // The engine's API version is read once per process: every later fleet saves the round trip.
                if (!ApiVersions.TryGetValue(engine, out var version))
                {
                    version = await DockerClientFactory.NegotiateAsync(engine.ToString(), engine, cancellationToken).ConfigureAwait(false);
                    ApiVersions[engine] = version;
                }

                _clients.Add(DockerClientFactory.Create(engine, version));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw new InvalidOperationException(
                    $"No Docker engine answers at {engine}: {e.Message}. Start one (or set DOCKER_HOST) before running fleet tests.", e);
            }
        }
    }

    /// <summary>Removes what dead sessions of this machine left on every engine.</summary>
    public async Task<int> SweepDeadSessionsAsync(CancellationToken cancellationToken)
    {
        var removed = await Task.WhenAll(_clients.Select(c => SessionReaper.SweepDeadSessionsAsync(c, cancellationToken))).ConfigureAwait(false);
        return removed.Sum();
    }

    /// <summary>Creates the fleet's network on every engine, labelled with the fleet and <paramref name="labels"/> (the
    /// session, or the reuse key).</summary>
    public Task CreateNetworksAsync(string fleet, string? networkPrefix, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
        => Task.WhenAll(_clients.Select(c => c.Networks.CreateNetworkAsync(
            new NetworksCreateParameters
            {
                Name = (networkPrefix ?? DockerRuntimeDefaults.NetworkPrefix) + fleet,
                Driver = "bridge",
                Labels = new Dictionary<string, string>(labels, StringComparer.Ordinal) { [OrchestrationLabels.Fleet] = fleet },
            },
            cancellationToken)));

    /// <summary>The labels of every container carrying the fleet label, on every engine, and (when the fleet has a network
    /// of its own) whether each engine has the fleet's network.</summary>
    public async Task<(IReadOnlyList<IDictionary<string, string>> Containers, bool Networks)> DescribeFleetAsync(string fleet, bool ownNetwork, CancellationToken cancellationToken)
    {
        var filters = new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = new Dictionary<string, bool> { [$"{OrchestrationLabels.Fleet}={fleet}"] = true },
        };
        var containers = Task.WhenAll(_clients.Select(c => c.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filters }, cancellationToken)));
        var networks = ownNetwork
            ? await Task.WhenAll(_clients.Select(c => c.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filters }, cancellationToken))).ConfigureAwait(false)
            : [];
        return ([.. (await containers.ConfigureAwait(false)).SelectMany(l => l).Select(c => c.Labels ?? new Dictionary<string, string>())], networks.All(n => n.Count > 0));
    }

    /// <summary>Removes what carries the fleet label on every engine: the last resort when the fleet's own teardown
    /// failed.</summary>
    public Task RemoveFleetAsync(string fleet, CancellationToken cancellationToken)
        => Task.WhenAll(_clients.Select(c => SessionReaper.RemoveLabelledAsync(c, $"{OrchestrationLabels.Fleet}={fleet}", cancellationToken)));

    public ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
