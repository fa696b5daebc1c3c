using Orchestration.Docker.Tests.Infrastructure;
using Orchestration.Events;
using Orchestration.Runtime;
using Orchestration.TestSupport;
using Orchestration.Testing;

namespace Orchestration.Docker.Tests.Orchestrator;

/// <summary>Cron jobs on the real engine: Forbid with runs longer than the period never overlaps, the history limits
/// hold, and a suspended cron job starts nothing.</summary>
[Collection(DockerCollection.Name)]
public sealed class CronJobOnDockerTests(EngineFixture engine)
{
    [Fact]
    public async Task Forbid_runs_never_overlap_history_limits_hold_and_a_suspended_job_starts_nothing()
    {
        var report = Cron("report", b => b.CronPolicy(ConcurrencyPolicy.Forbid, successfulHistory: 2));
        var paused = Cron("paused", b => b.Suspend());
        await using var fleet = await TestFleet.StartAsync(
            b => b.AddWorkload(report).AddWorkload(paused),
            new TestFleetOptions { FleetNamePrefix = "cron", WaitUntilReady = false });

        // Sample the engine while runs come and go: never two containers of the cron job running at once.
        var maxRunning = 0;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && fleet.EventsSoFar().OfType<CronJobRunFinished>().Count(e => e.Workload == "report") < 4)
        {
            var running = (await engine.ContainersOfAsync(fleet.Name)).Count(c => c.State == "running" && c.Labels[OrchestrationLabels.Workload] == "report");
            maxRunning = Math.Max(maxRunning, running);
            await Task.Delay(200);
        }

        var events = fleet.EventsSoFar().Where(e => e.Workload == "report").ToList();
        Assert.True(events.OfType<CronJobRunFinished>().Count() >= 4, string.Join(" | ", events.Select(e => e.Message)));
        Assert.Equal(1, maxRunning);

        // From the events: each run starts only after the previous one finished.
        var active = 0;
        foreach (var e in events)
        {
            active += e switch { CronJobRunStarted => 1, CronJobRunFinished => -1, _ => 0 };
            Assert.InRange(active, 0, 1);
        }

        Assert.NotEmpty(events.OfType<CronJobRunSkipped>());
        var status = fleet.Orchestrator.GetStatus();
        var runs = status["report"]!.CronJob!.Runs;
        Assert.Equal(2, runs.Count(r => r.Phase == WorkloadPhase.Completed));
        Assert.All(runs.Where(r => r.Phase == WorkloadPhase.Completed), r => Assert.Equal(0, r.Replicas.Single().LastExitCode));

        Assert.DoesNotContain(fleet.EventsSoFar(), e => e is CronJobRunStarted && e.Workload == "paused");
        Assert.DoesNotContain(await engine.ContainersOfAsync(fleet.Name), c => c.Labels[OrchestrationLabels.Workload] == "paused");
        Assert.True(status["paused"]!.CronJob!.Suspended);
    }

    /// <summary>Every 2 s, a run that takes 3 s.</summary>
    private static WorkloadSpec Cron(string name, Action<WorkloadBuilder> configure)
    {
        var b = new WorkloadBuilder(name)
            .Image(EngineFixture.Image)
            .PullPolicy(PullPolicy.Never)
            .Command("sh", "-c", "echo run on $HOSTNAME; sleep 3")
            .CronJob("*/2 * * * * *")
            .StopGracePeriod(TimeSpan.FromSeconds(1));
        configure(b);
        return b.Build();
    }
}
