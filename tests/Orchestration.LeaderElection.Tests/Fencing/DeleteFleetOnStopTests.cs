using Orchestration.LeaderElection.Tests.Infrastructure;
using Orchestration.Leadership;
using Orchestration.TestSupport;

namespace Orchestration.LeaderElection.Tests.Fencing;

/// <summary><see cref="OrchestrationOptions.DeleteFleetOnStop"/> is fenced: only the leader deletes the fleet.</summary>
public sealed class DeleteFleetOnStopTests
{
    [Fact]
    public async Task A_follower_that_stops_leaves_the_fleet_to_the_leader_which_deletes_it_when_it_stops()
    {
        var fleet = LeaseServers.UniqueFleet("del");
        await using var engine = new FleetOnEngine(fleet);
        var web = new FleetBuilder(fleet).AddWorkload("web", w => w
            .Image("orchestration/busybox:1").PullPolicy(PullPolicy.Never).Replicas(2).Port("http", 8080)).Build().Workloads;
        await using var leader = await ElectedHosts.StartAsync(fleet, web, LeaseServers.Redis, o => o.DeleteFleetOnStop = true);
        await leader.WaitForAsync(s => s["web"]?.Ready == 2);
        await using var follower = await ElectedHosts.StartAsync(fleet, web, LeaseServers.Redis, o => o.DeleteFleetOnStop = true);
        Assert.False(follower.Election().IsLeader);
        var running = await RunningAsync(engine);
        var settled = engine.Writes.Count;

        // Asked directly, a follower refuses, before it stops anything.
        var refused = await Assert.ThrowsAsync<NotLeaderException>(() => follower.Orchestrator.DeleteFleetAsync());
        Assert.Equal(fleet, refused.Fleet);

        await follower.DisposeAsync();
        Assert.Equal(running, await RunningAsync(engine));
        Assert.True(engine.Writes.Count == settled, string.Join(", ", engine.Writes.Skip(settled).Select(w => w.Action)));

        // The leader deletes while it still holds its lease.
        await leader.DisposeAsync();
        Assert.Empty(await engine.ContainersAsync());
        Assert.Equal(2, engine.Writes.Skip(settled).Count(w => w.Action == "destroy"));
    }

    private static async Task<List<string>> RunningAsync(FleetOnEngine engine)
        => [.. (await engine.ContainersAsync(runningOnly: true)).Select(c => c.ID).Order(StringComparer.Ordinal)];
}
