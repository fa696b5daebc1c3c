using Orchestration.Events;
using Orchestration.InMemory;
using Orchestration.Tests.Support;

namespace Orchestration.Tests.CronJobs;

public sealed class CronJobTests
{
    private static WorkloadSpec Every10Seconds(Action<WorkloadBuilder>? configure = null)
    {
        var b = new WorkloadBuilder("report").Image("report:1").CronJob("*/10 * * * * *");
        configure?.Invoke(b);
        return b.Build();
    }

    private static async Task<FleetHarness> StartAsync(WorkloadSpec cron, TimeSpan runFor, int exitCode = 0)
    {
        var fleet = await FleetHarness.StartAsync(n => n.AddNodes(2));
        fleet.Runtime.SetImageBehavior("report:1", new ImageBehavior(runFor, exitCode));
        await fleet.Orchestrator.ApplyAsync(new FleetSpec { Name = "test", Workloads = [cron] });
        return fleet;
    }

    [Fact]
    public async Task Runs_start_on_the_schedule_and_finished_runs_are_kept_up_to_the_history_limit()
    {
        await using var fleet = await StartAsync(Every10Seconds(), TimeSpan.FromSeconds(2));

        await fleet.AdvanceAsync(TimeSpan.FromSeconds(65), TimeSpan.FromSeconds(1));

        var started = fleet.EventsOf<CronJobRunStarted>();
        Assert.InRange(started.Count, 6, 7);
        Assert.All(started, e => Assert.Equal(0, e.ScheduledAt.Second % 10));
        Assert.All(started, e => Assert.True(e.Time - e.ScheduledAt < TimeSpan.FromSeconds(1.5), $"run {e.RunId} started {e.Time - e.ScheduledAt} late"));
        var cron = fleet["report"].CronJob!;
        Assert.Equal(3, cron.Runs.Count(r => r.Phase == WorkloadPhase.Completed));
        Assert.All(cron.Runs.Where(r => r.Phase == WorkloadPhase.Completed), r => Assert.Equal(0, Assert.Single(r.Replicas).LastExitCode));
        Assert.Equal(started[^1].ScheduledAt, cron.LastScheduleTime);
        Assert.True(cron.NextScheduleTime > fleet.Time.GetUtcNow());
    }

    [Fact]
    public async Task Failed_runs_are_kept_up_to_their_own_limit()
    {
        await using var fleet = await StartAsync(Every10Seconds(b => b.Job(backoffLimit: 0).CronPolicy(failedHistory: 2)), TimeSpan.FromSeconds(1), exitCode: 3);

        await fleet.AdvanceAsync(TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(1));

        Assert.True(fleet.EventsOf<CronJobRunFinished>().Count(e => e.Outcome == WorkloadPhase.Failed) >= 4);
        var runs = fleet["report"].CronJob!.Runs.Where(r => r.Phase == WorkloadPhase.Failed).ToList();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal(3, r.Replicas.Single().LastExitCode));
    }

    [Fact]
    public async Task Forbid_never_lets_two_runs_overlap_when_a_run_outlasts_the_period()
    {
        await using var fleet = await StartAsync(Every10Seconds(b => b.CronPolicy(ConcurrencyPolicy.Forbid)), TimeSpan.FromSeconds(25));

        await fleet.AdvanceAsync(TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(1));

        // From the events: every run started after the one before it finished.
        var active = 0;
        var maxActive = 0;
        foreach (var e in fleet.Events)
        {
            active += e switch { CronJobRunStarted => 1, CronJobRunFinished => -1, _ => 0 };
            maxActive = Math.Max(maxActive, active);
        }

        Assert.Equal(1, maxActive);
        Assert.True(fleet.EventsOf<CronJobRunStarted>().Count >= 3);
        Assert.NotEmpty(fleet.EventsOf<CronJobRunSkipped>());
    }

    [Fact]
    public async Task Allow_lets_runs_overlap_and_replace_stops_the_running_one()
    {
        await using (var allow = await StartAsync(Every10Seconds(), TimeSpan.FromSeconds(25)))
        {
            await allow.AdvanceAsync(TimeSpan.FromSeconds(35), TimeSpan.FromSeconds(1));
            Assert.True(allow["report"].CronJob!.Active >= 2);
        }

        await using var replace = await StartAsync(Every10Seconds(b => b.CronPolicy(ConcurrencyPolicy.Replace)), TimeSpan.FromSeconds(25));
        await replace.AdvanceAsync(TimeSpan.FromSeconds(35), TimeSpan.FromSeconds(1));
        Assert.Equal(1, replace["report"].CronJob!.Active);
        Assert.Contains(replace.EventsOf<CronJobRunFinished>(), e => e.Outcome == WorkloadPhase.Failed && e.Reason!.StartsWith("replaced by", StringComparison.Ordinal));
        Assert.Single(replace.Running("report"));
    }

    [Fact]
    public async Task A_suspended_cron_job_starts_nothing()
    {
        await using var fleet = await StartAsync(Every10Seconds(b => b.Suspend()), TimeSpan.FromSeconds(2));

        await fleet.AdvanceAsync(TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(1));

        Assert.Empty(fleet.EventsOf<CronJobRunStarted>());
        Assert.Equal(0, fleet.Runtime.StartCount);
        Assert.Equal(WorkloadPhase.Paused, fleet["report"].Phase);
        Assert.Null(fleet["report"].CronJob!.NextScheduleTime);
    }

    [Fact]
    public async Task After_the_loop_was_down_over_missed_schedules_at_most_one_late_run_starts_within_the_deadline()
    {
        await using var fleet = await StartAsync(Every10Seconds(b => b.CronPolicy(startingDeadline: TimeSpan.FromSeconds(5))), TimeSpan.FromSeconds(1));
        await fleet.AdvanceAsync(TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(1));
        var before = fleet.EventsOf<CronJobRunStarted>().Count;

        // Down over four occurrences, back 3 s after the last one: that one runs, late but within its deadline.
        await fleet.Loop.StopAsync();
        fleet.Time.Advance(UntilAfterOccurrence(fleet, periods: 3, seconds: 3));
        await fleet.Loop.StartAsync(CancellationToken.None);
        await fleet.SettleAsync();

        var late = Assert.Single(fleet.EventsOf<CronJobRunStarted>().Skip(before));
        Assert.Equal(TimeSpan.FromSeconds(3), late.Time - late.ScheduledAt);

        // Down again, back 8 s after the last occurrence: past its 5 s deadline, so it is skipped, with the reason.
        await fleet.Loop.StopAsync();
        fleet.Time.Advance(UntilAfterOccurrence(fleet, periods: 5, seconds: 8));
        var startedBefore = fleet.EventsOf<CronJobRunStarted>().Count;
        await fleet.Loop.StartAsync(CancellationToken.None);
        await fleet.SettleAsync();

        Assert.Equal(startedBefore, fleet.EventsOf<CronJobRunStarted>().Count);
        var skipped = fleet.EventsOf<CronJobRunSkipped>()[^1];
        Assert.Contains("starting deadline", skipped.Reason, StringComparison.Ordinal);
        Assert.Contains("earlier occurrences were missed", skipped.Reason, StringComparison.Ordinal);
    }

    /// <summary>The time from now to <paramref name="seconds"/> after the occurrence <paramref name="periods"/> periods
    /// after the next one of a 10 s schedule.</summary>
    private static TimeSpan UntilAfterOccurrence(FleetHarness fleet, int periods, int seconds)
    {
        var now = fleet.Time.GetUtcNow();
        var next = new DateTimeOffset((now.UtcTicks / TimeSpan.TicksPerSecond / 10 + 1) * 10 * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        return next + TimeSpan.FromSeconds((10 * periods) + seconds) - now;
    }

    [Fact]
    public async Task A_restarted_orchestrator_adopts_a_run_in_progress_instead_of_starting_it_over()
    {
        var cron = Every10Seconds(b => b.CronPolicy(ConcurrencyPolicy.Forbid));
        await using var first = await StartAsync(cron, TimeSpan.FromSeconds(25));
        await first.UntilAsync(_ => first.Running("report").Count == 1, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(1));
        var container = first.Running("report").Single();
        var runId = Assert.Single(first.EventsOf<CronJobRunStarted>()).RunId;
        await first.Loop.StopAsync();

        await using var second = await FleetHarness.StartAsync(_ => { }, null, first, cron);
        await second.UntilAsync(s => s["report"]!.CronJob!.Active == 1 && s["report"]!.Replicas.Length == 1, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1));

        Assert.Equal(container.Ref.Id, second["report"].Replicas.Single().ContainerId);
        Assert.Equal(runId, second["report"].CronJob!.Runs.Single().Id);
        Assert.Contains(second.EventsOf<ReplicaAdopted>(), e => e.Workload == "report");
        await second.UntilAsync(_ => second.EventsOf<CronJobRunFinished>().Any(e => e.RunId == runId), TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(1));
        Assert.Equal(WorkloadPhase.Completed, second.EventsOf<CronJobRunFinished>().First(e => e.RunId == runId).Outcome);
        // Forbid still holds across the restart: the next run starts only once the adopted one finished.
        var finishedAt = second.EventsOf<CronJobRunFinished>().First(e => e.RunId == runId).Time;
        Assert.All(second.EventsOf<CronJobRunStarted>(), e => Assert.True(e.Time >= finishedAt, $"run {e.RunId} started at {e.Time} while {runId} ran"));
    }

    [Fact]
    public void Invalid_schedules_and_time_zones_are_reported_at_build()
    {
        var error = Assert.Throws<SpecValidationException>(() => new WorkloadBuilder("report").Image("report:1")
            .CronJob("every minute", "Mars/Olympus").CronPolicy(successfulHistory: -1).Build());
        Assert.Contains(error.Problems, p => p.Path == "workloads[\"report\"].cronJob.timeZone" && p.Value == "Mars/Olympus");
        Assert.Contains(error.Problems, p => p.Path == "workloads[\"report\"].cronJob.successfulRunsHistoryLimit");

        var bad = Assert.Throws<SpecValidationException>(() => new WorkloadBuilder("report").Image("report:1").CronJob("61 * * * *").Build());
        Assert.Contains(bad.Problems, p => p.Path == "workloads[\"report\"].cronJob.schedule" && p.Value == "61 * * * *");

        Assert.Equal("Europe/Paris", new WorkloadBuilder("report").Image("report:1").CronJob("0 3 * * *", "Europe/Paris").Build().CronJob.TimeZone);
    }
}
