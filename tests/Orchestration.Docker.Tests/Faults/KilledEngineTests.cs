using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestration.Docker.Tests.Infrastructure;
using Orchestration.Events;
using Orchestration.Runtime;
using Orchestration.Runtime.Docker;
using Orchestration.TestSupport;

namespace Orchestration.Docker.Tests.Faults;

/// <summary>Issue 14: the engine under a running fleet of 5 is killed and started again (an extra engine of
/// eng/engine.sh, of its own, so no other test's engine goes down). Its containers survive (the extra engines restart
/// with live-restore), and the orchestrator, which meanwhile declared the node lost and had nowhere to put the
/// replacements, takes the same containers back: never more than 5 run, never two for one replica.</summary>
[Collection(DockerCollection.Name)]
public sealed class KilledEngineTests : IAsyncLifetime
{
    /// <summary>The extra engine this test kills; no other test uses it.</summary>
    private const int Node = 9;

    private readonly string _fleet = $"k{Guid.NewGuid():N}"[..12];
    private DockerClient? _engine;
    private OrchestratorHost? _host;

    private static string Socket => $"unix:///var/run/orchestration-node{Node}.sock";

    public async Task InitializeAsync()
    {
        await RepositoryScripts.RunAsync("eng/engine.sh", $"start-node {Node}");
        await RepositoryScripts.RunAsync("eng/images.sh", Socket);
        _engine = new DockerClientBuilder().WithEndpoint(new Uri(Socket)).WithApiVersion(new System.Version(1, 41)).Build();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        // Whatever happened, the engine is left running, without this fleet.
        await RepositoryScripts.RunAsync("eng/engine.sh", $"start-node {Node}");
        if (_engine is not null)
        {
            await using var sampler = new FleetSampler(_engine, _fleet);
            foreach (var c in await sampler.ContainersAsync())
            {
                await _engine.Containers.RemoveContainerAsync(c.ID, new ContainerRemoveParameters { Force = true });
            }

            _engine.Dispose();
        }
    }

    [Fact]
    public async Task A_killed_and_restarted_engine_s_surviving_containers_are_taken_back_not_replaced()
    {
        _host = await OrchestratorHost.StartAsync(
            _fleet,
            [RuntimeScope.Web("web") with { Replicas = 5 }],
            docker: d =>
            {
                d.Nodes.Add(new DockerNodeOptions { Name = $"node{Node}", Endpoint = Socket });
                d.PingInterval = TimeSpan.FromSeconds(1);
                d.PingTimeout = TimeSpan.FromSeconds(1);
            },
            options: o => o.NodeLostGracePeriod = TimeSpan.FromSeconds(3),
            waitSeconds: 120,
            eventSeconds: 60);
        var before = await _host.WaitForAsync(s => s["web"]?.Ready == 5);
        var ids = before["web"]!.Replicas.Select(r => r.ContainerId!).Order().ToList();
        await using var sampler = new FleetSampler(_engine!, _fleet);

        await RepositoryScripts.RunAsync("eng/engine.sh", $"stop-node {Node}");
        var down = await _host.WaitForEventAsync<NodeStateChanged>(e => e.State == NodeState.NotReady);
        Assert.False(string.IsNullOrEmpty(down.Reason));
        await _host.WaitForEventAsync<NodeStateChanged>(e => e.State == NodeState.Lost);
        await _host.WaitForEventAsync<ReplicaRescheduled>(_ => true);
        await RepositoryScripts.RunAsync("eng/engine.sh", $"start-node {Node}");

        var after = await _host.WaitForAsync(s => s["web"] is { Ready: 5, Replicas.Length: 5 } && s.Nodes.All(n => n.State == NodeState.Ready));
        await _host.WaitForEventAsync<NodeResynced>(e => e.Reason.Contains("event stream", StringComparison.Ordinal));
        Assert.Equal(ids, after["web"]!.Replicas.Select(r => r.ContainerId!).Order());
        Assert.Equal(5, _host.Events.OfType<ReplicaAdopted>().Count());
        var left = await Eventually.ValueAsync(() => sampler.ContainersAsync(), c => c.Count == 5, TimeSpan.FromSeconds(30), "only the 5 replicas' containers");
        Assert.Equal(ids, left.Select(c => c.ID).Order());

        await sampler.DisposeAsync();
        Assert.True(sampler.Samples > 0);
        Assert.Equal(1, sampler.PeakPerReplica);
        Assert.True(sampler.PeakRunning <= 5, $"{sampler.PeakRunning} containers ran at once for 5 replicas");
    }
}
