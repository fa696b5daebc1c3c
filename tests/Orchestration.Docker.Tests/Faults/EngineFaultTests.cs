using Docker.DotNet.Models;
using Orchestration.Docker.Tests.Infrastructure;
using Orchestration.Events;
using Orchestration.Runtime.Docker;
using Orchestration.TestSupport;
using Orchestration.TestSupport.EngineFaults;

namespace Orchestration.Docker.Tests.Faults;

/// <summary>Issue 14: the control loop between a fault-injecting proxy and the real engine. Latency, error answers,
/// connections dropped before and after the engine acted, and cut event streams, one after another under one fleet:
/// each time it converges, with never two running containers for one replica and no container left over, and its
/// events name the fault.</summary>
[Collection(DockerCollection.Name)]
public sealed class EngineFaultTests(EngineFixture engine) : IAsyncLifetime
{
    private readonly string _fleet = $"f{Guid.NewGuid():N}"[..12];
    private EngineProxy? _proxy;
    private OrchestratorHost? _host;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        await engine.RemoveFleetAsync(_fleet);
    }

    [Fact]
    public async Task The_loop_survives_latency_error_answers_dropped_connections_and_cut_event_streams()
    {
        _proxy = EngineProxy.Start(EngineFixture.EndpointText);
        _proxy.Latency = TimeSpan.FromMilliseconds(150);
        _host = await OrchestratorHost.StartAsync(
            _fleet,
            [RuntimeScope.Web("web") with { Replicas = 3 }],
            docker: d =>
            {
                d.Nodes.Add(new DockerNodeOptions { Name = "local", Endpoint = _proxy.Endpoint });
                d.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
            },
            waitSeconds: 90);
        await using var sampler = new FleetSampler(engine.Engine, _fleet);
        await _host.WaitForAsync(s => s["web"]?.Ready == 3);

        // Error answers: every try of one create (the first and its 3 retries) is refused.
        _proxy.FailNext(4, 503, IsCreate);
        await _host.Orchestrator.ScaleAsync("web", 4);
        var refused = await _host.WaitForEventAsync<ReplicaExited>(e => e.Reason.Contains("fault injected by the engine proxy: 503", StringComparison.Ordinal));
        Assert.Contains("creating container", refused.Reason, StringComparison.Ordinal);
        await ConvergedAsync(4);

        // Dropped connections: a create the engine carried out but whose answer was lost, then a create whose tries
        // never reach the engine, for a replica killed from outside.
        _proxy.DropNext(1, IsCreate, afterEngine: true);
        _proxy.DropNext(3, IsCreate);
        var victim = _host.Orchestrator.GetStatus()["web"]!.Replicas[0];
        await engine.Engine.Containers.KillContainerAsync(victim.ContainerId!, new ContainerKillParameters { Signal = "KILL" });
        await ConvergedAsync(4, victim.ContainerId);
        Assert.Equal(0, _proxy.PendingFaults);

        // Cut event streams: the watch reconnects, lists once and says why; a kill during the cut is still seen.
        Assert.True(_proxy.CutEventStreams() >= 1);
        var second = _host.Orchestrator.GetStatus()["web"]!.Replicas[1];
        await engine.Engine.Containers.KillContainerAsync(second.ContainerId!, new ContainerKillParameters { Signal = "KILL" });
        var resynced = await _host.WaitForEventAsync<NodeResynced>(e => e.Node == "local");
        Assert.Contains("event stream of node 'local'", resynced.Reason, StringComparison.Ordinal);
        await ConvergedAsync(4, second.ContainerId);

        await sampler.DisposeAsync();
        Assert.True(sampler.Samples > 0);
        Assert.Equal(1, sampler.PeakPerReplica);
        Assert.True(sampler.PeakRunning <= 4, $"{sampler.PeakRunning} containers ran at once for 4 replicas");
    }

    private static bool IsCreate(EngineCall call) => call.Method == "POST" && call.Path == "/containers/create";

    /// <summary>Ready with <paramref name="replicas"/> replicas, the engine running exactly their containers, and no
    /// other container of the fleet left (the ended and the orphaned ones removed).</summary>
    private async Task ConvergedAsync(int replicas, string? gone = null)
    {
        var status = await _host!.WaitForAsync(s => s["web"] is { } w && w.Ready == replicas && w.Replicas.Length == replicas && w.Replicas.All(r => r.ContainerId != gone));
        var ids = status["web"]!.Replicas.Select(r => r.ContainerId!).Order().ToList();
        var left = await Eventually.ValueAsync(
            () => engine.ContainersOfAsync(_fleet),
            c => c.Count == replicas,
            TimeSpan.FromSeconds(60),
            $"only the {replicas} replicas' containers");
        Assert.Equal(ids, left.Select(c => c.ID).Order());
        Assert.All(left, c => Assert.Equal("running", c.State));
    }
}
