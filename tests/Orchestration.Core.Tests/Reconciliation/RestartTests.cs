using Orchestration.Events;
using Orchestration.Restart;
using Orchestration.Tests.Support;

namespace Orchestration.Tests.Reconciliation;

public sealed class RestartTests
{
    [Fact]
    public void Backoff_doubles_from_one_second_up_to_sixty()
    {
        var delays = Enumerable.Range(0, 9).Select(i => RestartBackoff.Delay(RestartPolicy.Default, i).TotalSeconds);
        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], delays);
    }

    [Fact]
    public async Task Crashing_replica_restarts_after_1_2_4_seconds_and_the_delay_resets_after_a_stable_run()
    {
        var spec = FleetHarness.Service("api", 1, b => b.RestartPolicy(RestartMode.Always, resetAfter: TimeSpan.FromMinutes(1)));
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(1), spec);
        var id = Assert.Single(fleet["api"].Replicas).Id;

        for (var crash = 0; crash < 3; crash++)
        {
            Assert.NotNull(fleet.Runtime.CrashReplica("api", exitCode: 3));
            await fleet.SettleAsync();
            await fleet.UntilAsync(s => s["api"]!.Ready == 1, TimeSpan.FromSeconds(10));
        }

        var restarts = fleet.EventsOf<ReplicaRestartScheduled>();
        Assert.Equal([1d, 2d, 4d], restarts.Select(r => r.Delay.TotalSeconds));
        var exits = fleet.EventsOf<ReplicaExited>();
        var starts = fleet.EventsOf<ReplicaStarted>().Skip(1).ToList();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(starts[i].Time - exits[i].Time >= restarts[i].Delay, $"restart {i + 1} came too early");
            Assert.Equal(3, exits[i].ExitCode);
        }

        var replica = Assert.Single(fleet["api"].Replicas);
        Assert.Equal(id, replica.Id);
        Assert.Equal(3, replica.Restarts);
        Assert.Equal(3, replica.LastExitCode);
        Assert.Equal(ReplicaPhase.Running, replica.Phase);
        Assert.StartsWith("exited with code 3", replica.LastExitReason);

        await fleet.AdvanceAsync(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5));
        fleet.Runtime.CrashReplica("api");
        await fleet.SettleAsync();
        Assert.Equal(1, fleet.EventsOf<ReplicaRestartScheduled>()[^1].Delay.TotalSeconds);
    }

    [Fact]
    public async Task Failed_starts_are_retried_with_backoff_until_the_replica_runs()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(1));
        fleet.Runtime.FailNextStarts(2, "no such image");
        await fleet.Orchestrator.ApplyAsync(new FleetSpec { Name = "test", Workloads = [FleetHarness.Service("api", 1)] });
        await fleet.UntilAsync(s => s["api"]!.Ready == 1, TimeSpan.FromSeconds(30));
        var exits = fleet.EventsOf<ReplicaExited>();
        Assert.Equal(2, exits.Count);
        Assert.All(exits, e => Assert.Equal("start failed: no such image", e.Reason));
        Assert.Equal(2, fleet["api"].Replicas[0].Restarts);
    }
    [Fact]
    public async Task A_restarted_replica_gets_a_container_of_its_own_name_and_the_ended_one_is_removed_later_when_its_removal_fails()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(1), FleetHarness.Service("api", 1));
        var first = Assert.Single(fleet.Running("api"));
        var replica = first.Label(Runtime.OrchestrationLabels.Replica);
        Assert.Equal($"test-api-{replica}-1", first.Name);

        fleet.Runtime.FailNextRemovals(1);
        Assert.NotNull(fleet.Runtime.CrashReplica("api"));
        await fleet.SettleAsync();
        Assert.Contains(fleet.Runtime.Containers, c => c.Ref.Id == first.Ref.Id);

        await fleet.UntilAsync(s => s["api"]!.Ready == 1, TimeSpan.FromSeconds(10));
        var second = Assert.Single(fleet.Running("api"));
        Assert.Equal(replica, second.Label(Runtime.OrchestrationLabels.Replica));
        Assert.Equal($"test-api-{replica}-2", second.Name);
        Assert.Equal("2", second.Label(Runtime.OrchestrationLabels.Attempt));
        Assert.Equal(second.Ref.Id, Assert.Single(fleet.Runtime.Containers).Ref.Id);
    }
}
