using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestration.Runtime;

namespace Orchestration.LeaderElection.Tests.Infrastructure;

/// <summary>A fleet as the engine sees it: its containers by label, the engine's own events of every write to a
/// container (create, start, stop, kill, destroy), and clean-up.</summary>
internal sealed class FleetOnEngine : IAsyncDisposable
{
    private readonly DockerClient _client = new DockerClientBuilder()
        .WithEndpoint(new Uri(Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : "unix:///var/run/docker.sock"))
        .WithApiVersion(new System.Version(1, 41))
        .Build();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(string Action, IDictionary<string, string> Labels)> _writes = [];
    private readonly Task _events;

    public FleetOnEngine(string fleet)
    {
        Fleet = fleet;
        var filters = new Dictionary<string, IDictionary<string, bool>>
        {
            ["type"] = new Dictionary<string, bool> { ["container"] = true },
            ["event"] = new Dictionary<string, bool> { ["create"] = true, ["start"] = true, ["stop"] = true, ["kill"] = true, ["destroy"] = true },
            ["label"] = new Dictionary<string, bool> { [$"{OrchestrationLabels.Fleet}={fleet}"] = true },
        };
        _events = Task.Run(async () =>
        {
            try
            {
                await _client.System.MonitorEventsAsync(new ContainerEventsParameters { Filters = filters }, new Progress(this), _stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    public string Fleet { get; }

    public DockerClient Client => _client;

    /// <summary>The labels of every container the engine reported created since this object was made.</summary>
    public IReadOnlyList<IDictionary<string, string>> Created
    {
        get { lock (_writes) { return [.. _writes.Where(w => w.Action == "create").Select(w => w.Labels)]; } }
    }

    /// <summary>Every write the engine reported on the fleet's containers since this object was made: the action and
    /// the container's labels.</summary>
    public IReadOnlyList<(string Action, IDictionary<string, string> Labels)> Writes
    {
        get { lock (_writes) { return [.. _writes]; } }
    }

    public async Task<IList<ContainerListResponse>> ContainersAsync(bool runningOnly = false)
        => await _client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = !runningOnly,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{OrchestrationLabels.Fleet}={Fleet}"] = true },
            },
        });

    public async Task WaitUntilAsync(Func<IList<ContainerListResponse>, bool> condition, double seconds = 90, bool runningOnly = true)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        IList<ContainerListResponse> running = [];
        while (DateTime.UtcNow < deadline)
        {
            running = await ContainersAsync(runningOnly);
            if (condition(running))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Fleet '{Fleet}' did not reach the expected state within {seconds} s; running: {string.Join(", ", running.Select(c => $"{c.Names.FirstOrDefault()} {c.Image}"))}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _events;
        foreach (var container in await ContainersAsync())
        {
            await _client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
        }

        var networks = await _client.Networks.ListNetworksAsync(new NetworksListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{OrchestrationLabels.Fleet}={Fleet}"] = true } },
        });
        foreach (var network in networks)
        {
            await _client.Networks.DeleteNetworkAsync(network.ID);
        }

        _client.Dispose();
        _stop.Dispose();
    }

    private sealed class Progress(FleetOnEngine owner) : IProgress<Message>
    {
        public void Report(Message value)
        {
            lock (owner._writes)
            {
                owner._writes.Add((value.Action, value.Actor.Attributes));
            }
        }
    }
}
