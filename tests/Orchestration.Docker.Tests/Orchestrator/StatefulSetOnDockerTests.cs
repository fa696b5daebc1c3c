using Docker.DotNet.Models;
using Orchestration.Docker.Tests.Infrastructure;
using Orchestration.Events;
using Orchestration.Runtime;
using Orchestration.TestSupport;

namespace Orchestration.Docker.Tests.Orchestrator;

/// <summary>A stateful set on the real engine: each replica keeps its own volume through a kill, a rollout, scaling
/// down and up and a host restart, and is reachable on the fleet network by its own name.</summary>
[Collection(DockerCollection.Name)]
public sealed class StatefulSetOnDockerTests(EngineFixture engine) : IAsyncLifetime
{
    /// <summary>At each start: read "ordinal counter" from the replica's volume (refusing another replica's data),
    /// count one more start, write it back and serve it over HTTP.</summary>
    private const string Script = """
        trap 'exit 0' TERM INT
        me=${HOSTNAME##*-}
        if [ -f /data/state ]; then read owner count < /data/state; else owner=$me; count=0; fi
        [ "$owner" = "$me" ] || { echo "volume of $owner mounted in $HOSTNAME"; exit 3; }
        count=$((count + 1))
        echo "$me $count" > /data/state
        echo "$me $count" > /www/index.html
        httpd -f -p 8080 -h /www & wait $!
        """;

    private readonly string _fleet = $"s{Guid.NewGuid():N}"[..12];
    private readonly List<OrchestratorHost> _hosts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await engine.RemoveFleetAsync(_fleet);
    }

    [Fact]
    public async Task Each_replica_finds_its_own_data_after_a_kill_a_rollout_scaling_and_a_host_restart()
    {
        var host = await StartAsync(Db("1"), Client());
        await host.WaitForAsync(s => s["db"]?.Ready == 3 && s["client"]?.Ready == 1);
        Assert.Equal(["0 1", "1 1", "2 1"], await ServedAsync(host));
        Assert.Equal([$"{_fleet}-db-data-0", $"{_fleet}-db-data-1", $"{_fleet}-db-data-2"], await engine.VolumesOfAsync(_fleet));

        // Another container on the fleet network reaches replica 1 by its own name.
        Assert.Equal("1 1", await FromClientAsync(host, "db-1"));

        // A killed replica comes back on its volume.
        var victim = host.Orchestrator.GetStatus()["db"]!.Replicas.Single(r => r.Id == "1");
        await engine.Engine.Containers.KillContainerAsync(victim.ContainerId!, new ContainerKillParameters { Signal = "KILL" });
        await host.WaitForAsync(s => s["db"] is { Ready: 3 } db && db.Replicas.Single(r => r.Id == "1").ContainerId != victim.ContainerId);
        Assert.Equal(["0 1", "1 2", "2 1"], await ServedAsync(host));

        // A rollout replaces every replica in place, highest ordinal first.
        var rolled = Db("2");
        await host.ApplyAsync(rolled, Client());
        await host.WaitForAsync(s => s["db"] is { Ready: 3 } db && db.Replicas.All(r => r.Revision == rolled.Revision), 120);
        Assert.Equal(["0 2", "1 3", "2 2"], await ServedAsync(host));
        Assert.Equal(["2", "1", "0"], host.Events.OfType<ReplicaRemoved>().Where(e => e.Workload == "db").Select(e => e.ReplicaId));

        // 3 → 1 → 3: the removed ordinals come back to their volumes.
        await host.Orchestrator.ScaleAsync("db", 1);
        await host.WaitForAsync(s => s["db"] is { Ready: 1, Replicas.Length: 1 });
        Assert.Equal(3, (await engine.VolumesOfAsync(_fleet)).Count);
        await host.Orchestrator.ScaleAsync("db", 3);
        await host.WaitForAsync(s => s["db"]?.Ready == 3, 120);
        Assert.Equal(["0 2", "1 4", "2 3"], await ServedAsync(host));

        // A new host adopts the running replicas: nothing restarts, and every replica still serves its own data.
        await host.DisposeAsync();
        _hosts.Remove(host);
        var second = await StartAsync(Db("2", replicas: 3), Client());
        await second.WaitForAsync(s => s["db"]?.Ready == 3 && s["client"]?.Ready == 1);
        Assert.Equal(3, second.Events.OfType<ReplicaAdopted>().Count(e => e.Workload == "db"));
        Assert.Equal(["0 2", "1 4", "2 3"], await ServedAsync(second));
        Assert.Equal("1 4", await FromClientAsync(second, "db-1"));
    }

    private static WorkloadSpec Db(string version, int replicas = 3)
        => new WorkloadBuilder("db")
            .Image(EngineFixture.Image)
            .StatefulSet(replicas)
            .Command("sh", "-c", Script)
            .Env("VERSION", version)
            .Port("http", 8080)
            .VolumeTemplate("data", "/data")
            .Readiness(Probe.Http("/") with { Period = TimeSpan.FromMilliseconds(500) })
            .Build();

    private static WorkloadSpec Client() => RuntimeScope.Web("client") with { Ports = [] };

    private static async Task<string[]> ServedAsync(OrchestratorHost host)
    {
        var replicas = host.Orchestrator.GetStatus()["db"]!.Replicas.OrderBy(r => r.Ordinal).ToList();
        return await Task.WhenAll(replicas.Select(r => Http.GetAsync(r.Ports["http"])));
    }

    private static async Task<string> FromClientAsync(OrchestratorHost host, string name)
    {
        var client = host.Orchestrator.GetStatus()["client"]!.Replicas.Single();
        var result = await host.Runtime.ExecAsync(
            new ContainerRef(client.Node!, client.ContainerId!),
            ["sh", "-c", $"printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc {name} 8080 | tail -n 1"],
            TimeSpan.FromSeconds(10),
            default);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Output}");
        return result.Output.Trim();
    }

    private async Task<OrchestratorHost> StartAsync(params WorkloadSpec[] workloads)
    {
        var host = await OrchestratorHost.StartAsync(_fleet, workloads);
        _hosts.Add(host);
        return host;
    }
}
