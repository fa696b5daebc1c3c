using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.ServiceDiscovery;
using Orchestration.Events;
using Orchestration.LeaderElection.Tests.Infrastructure;
using Orchestration.TestSupport;

namespace Orchestration.LeaderElection.Tests.Followers;

/// <summary>A follower serves reads of its own: replica status with readiness from its own probes, endpoints, service
/// discovery and events, and says who leads, without ever writing to an engine.</summary>
public sealed class FollowerReadsTests
{
    [Fact]
    public async Task A_follower_serves_the_leaders_ready_replicas_endpoints_and_discovery_from_its_own_watch_and_writes_nothing()
    {
        var fleet = LeaseServers.UniqueFleet("reads");
        await using var engine = new FleetOnEngine(fleet);
        var web = new FleetBuilder(fleet).AddWorkload("web", w => w
            .Image("orchestration/busybox:1").PullPolicy(PullPolicy.Never).Replicas(2).Port("http", 8080)
            .Readiness(Probe.Http("/") with { Period = TimeSpan.FromMilliseconds(500) })).Build().Workloads;
        await using var leader = await ElectedHosts.StartAsync(fleet, web, LeaseServers.Redis, configure: b => b.AddServiceDiscovery());
        await leader.WaitForAsync(s => s["web"]?.Ready == 2);
        Assert.True(leader.Election().IsLeader);
        Assert.Contains(engine.Writes, w => w.Action == "start"); // the engine's stream reports the leader's writes
        var settled = engine.Writes.Count;

        await using var follower = await ElectedHosts.StartAsync(fleet, web, LeaseServers.Redis, configure: b => b.AddServiceDiscovery());
        Assert.False(follower.Election().IsLeader);
        var status = await follower.WaitForAsync(s => s["web"]?.Ready == 2);

        // The same replicas, containers, nodes, revision and published ports as the leader's.
        var led = leader.Orchestrator.GetStatus();
        Assert.Equal(Rows(led), Rows(status));
        Assert.Equal(led["web"]!.Revision, status["web"]!.Revision);
        Assert.Equal(WorkloadPhase.Available, status["web"]!.Phase);
        var endpoints = follower.Orchestrator.GetEndpoints("web", "http").Select(e => e.Address.ToString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, endpoints.Count);
        Assert.Equal(leader.Orchestrator.GetEndpoints("web", "http").Select(e => e.Address.ToString()).Order(StringComparer.Ordinal), endpoints);

        // Service discovery on the follower resolves the workload to those endpoints.
        var resolver = follower.Services.GetRequiredService<ServiceEndpointResolver>();
        var resolved = await resolver.GetEndpointsAsync("http://web", CancellationToken.None);
        Assert.Equal(endpoints, resolved.Endpoints.Select(e => e.EndPoint.ToString()!).Order(StringComparer.Ordinal));

        // Readiness is the follower's own: it probed the replicas itself.
        foreach (var replica in status["web"]!.Replicas)
        {
            await follower.WaitForEventAsync<ProbePassed>(e => e.ReplicaId == replica.Id && e.Probe == ProbeTarget.Readiness);
        }

        // Both say who leads and since when.
        var leading = led.Leadership!;
        var following = follower.Orchestrator.GetStatus().Leadership!;
        Assert.True(leading.IsLeader);
        Assert.Equal(leading.Identity, leading.Leader);
        Assert.Equal("lease acquired", leading.Reason);
        Assert.False(following.IsLeader);
        Assert.NotEqual(leading.Identity, following.Identity);
        Assert.Equal(leading.Identity, following.Leader);
        Assert.Equal(leading.Term, following.Term);
        Assert.Equal(leading.Since, following.Since);
        Assert.Equal("another instance leads", following.Reason);

        // Counted on the engine's side: no container was created, started, stopped, killed or destroyed while the
        // follower started, watched and served (the leader's fleet was settled before).
        await Task.Delay(ElectedHosts.Retry * 4);
        var writes = engine.Writes.Skip(settled).ToList();
        Assert.True(writes.Count == 0, string.Join(", ", writes.Select(w => $"{w.Action} {(w.Labels.TryGetValue("name", out var name) ? name : "")}")));
    }

    private static List<string> Rows(FleetStatus status)
        => [.. status["web"]!.Replicas
            .Select(r => $"{r.Id} {r.ContainerId} {r.Node} {r.Revision} {r.Phase} ready={r.Ready} {string.Join(",", r.Ports.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}")
            .Order(StringComparer.Ordinal)];
}
