using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.LeaderElection.Tests.Infrastructure;
using Orchestration.TestSupport;

namespace Orchestration.LeaderElection.Tests.Failover;

public sealed class LeaseStoreLostTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_leader_that_loses_its_store_stops_acting_before_its_lease_expires_and_leaves_the_fleet_running_even_when_it_stops_with_DeleteFleetOnStop()
    {
        using var redis = await PrivateRedis.StartAsync();
        var fleet = LeaseServers.UniqueFleet("lost");
        await using var engine = new FleetOnEngine(fleet);
        var web = new FleetBuilder(fleet).AddWorkload("web", w => w
            .Image("orchestration/busybox:1").PullPolicy(PullPolicy.Never).Replicas(2).Port("http", 8080)
            .Readiness(Probe.Http("/") with { Period = TimeSpan.FromMilliseconds(500) })).Build().Workloads;
        await using var host = await OrchestratorHost.StartAsync(fleet, web, options: o => o.DeleteFleetOnStop = true, configure: b => b.UseRedisLeaderElection(redis.Configuration, o =>
        {
            o.LeaseDuration = Lease;
            o.RenewDeadline = TimeSpan.FromSeconds(3.5);
            o.RetryPeriod = TimeSpan.FromMilliseconds(500);
        }));
        var election = host.Services.GetRequiredService<ILeaderElection>();
        await host.WaitForAsync(s => s["web"]?.Ready == 2, 90);
        Assert.True(election.IsLeader);
        var running = (await engine.ContainersAsync(runningOnly: true)).Select(c => c.ID).Order(StringComparer.Ordinal).ToList();
        var created = engine.Created.Count;

        var lost = Stopwatch.StartNew();
        redis.Kill();
        while (election.IsLeader && lost.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20);
        }

        var stoppedActing = lost.Elapsed;
        Assert.False(election.IsLeader);
        Assert.True(stoppedActing < Lease, $"the leader stopped acting {stoppedActing} after its store went away (lease {Lease})");
        var changed = await host.WaitForEventAsync<LeadershipChanged>(e => !e.IsLeader, 30);
        Assert.Contains("renew deadline", changed.Reason, StringComparison.Ordinal);
        Assert.Null(changed.Leader);

        // Nothing touched the fleet meanwhile, nor a while after.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(running, (await engine.ContainersAsync(runningOnly: true)).Select(c => c.ID).Order(StringComparer.Ordinal));
        Assert.Equal(created, engine.Created.Count);

        // A deposed leader that stops with DeleteFleetOnStop leaves the fleet alone: it is the next leader's.
        var writes = engine.Writes.Count;
        await host.DisposeAsync();
        Assert.Equal(running, (await engine.ContainersAsync(runningOnly: true)).Select(c => c.ID).Order(StringComparer.Ordinal));
        Assert.Equal(writes, engine.Writes.Count);
    }
}
