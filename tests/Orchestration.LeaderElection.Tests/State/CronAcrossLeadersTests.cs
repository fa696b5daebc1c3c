using Orchestration.Events;
using Orchestration.LeaderElection.Tests.Infrastructure;
using Orchestration.TestSupport;

namespace Orchestration.LeaderElection.Tests.State;

/// <summary>A cron job's schedule carries across leaders: the next leader neither runs an occurrence again nor loses
/// the one that fell while no instance led.</summary>
public sealed class CronAcrossLeadersTests
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_next_leader_runs_the_occurrence_missed_while_none_led_and_never_one_that_already_ran()
    {
        var fleet = LeaseServers.UniqueFleet("cron");
        await using var engine = new FleetOnEngine(fleet);
        var tick = new FleetBuilder(fleet).AddWorkload("tick", w => w
            .Image("orchestration/busybox:1").PullPolicy(PullPolicy.Never).Command("sh", "-c", "exit 0")
            .CronJob("*/10 * * * * *")).Build().Workloads;
        await using var first = await ElectedHosts.StartAsync(fleet, tick, LeaseServers.Redis);
        var ran = await first.WaitForEventAsync<CronJobRunStarted>(_ => true, 30);
        await Task.Delay(ElectedHosts.Retry * 2); // its mark is kept in the store within a retry period
        await first.DisposeAsync();
        Assert.DoesNotContain(first.Events.OfType<CronJobRunStarted>(), e => e.ScheduledAt > ran.ScheduledAt);

        // No instance leads when the next occurrence comes.
        var missed = ran.ScheduledAt + Every;
        var wait = missed + TimeSpan.FromMilliseconds(500) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        await using var second = await ElectedHosts.StartAsync(fleet, tick, LeaseServers.Redis);
        var leading = await second.WaitForEventAsync<LeadershipChanged>(e => e.IsLeader);
        Assert.True(leading.Leader!.Since < missed + Every, $"the second instance led at {leading.Leader.Since:O}, after the occurrence that followed {missed:O}");

        // Its first run is the occurrence it missed, started as it took over; the one that ran is not run again.
        var resumed = await second.WaitForEventAsync<CronJobRunStarted>(_ => true, 30);
        Assert.Equal(missed, resumed.ScheduledAt);
        Assert.DoesNotContain(second.Events.OfType<CronJobRunStarted>(), e => e.ScheduledAt <= ran.ScheduledAt);
    }
}
