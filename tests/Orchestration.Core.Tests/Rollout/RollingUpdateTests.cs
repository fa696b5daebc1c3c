using Orchestration.Events;
using Orchestration.InMemory;
using Orchestration.Tests.Support;

namespace Orchestration.Tests.Rollout;

public sealed class RollingUpdateTests
{
    private static WorkloadSpec Api(string image) => FleetHarness.Service("api", 10, b => b
        .Image(image)
        .Readiness(Probe.Http("/ready") with { Period = TimeSpan.FromSeconds(1), FailureThreshold = 2 })
        .RollingUpdate(maxSurge: 2, maxUnavailable: 1, progressDeadline: TimeSpan.FromSeconds(30)));

    [Fact]
    public async Task Rollout_of_ten_replicas_keeps_surge_and_unavailability_bounds_and_rolls_back_a_revision_that_fails_readiness()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(4), Api("app:1"));
        await fleet.UntilAsync(s => s["api"]!.Ready == 10 && s["api"]!.Phase == WorkloadPhase.Available, TimeSpan.FromMinutes(1));
        fleet.Runtime.StartDelay = TimeSpan.FromMilliseconds(300);
        fleet.Runtime.SetProbeBehavior("app:2", new ProbeBehavior { ReadyAfter = TimeSpan.FromSeconds(2) });

        await Apply(fleet, Api("app:2"));
        var v2 = Api("app:2").Revision;
        var steps = await StepUntilAsync(fleet, s => s["api"]!.Updated == 10 && s["api"]!.Phase == WorkloadPhase.Available && fleet.Runtime.Containers.Count == 10);
        Assert.True(steps > 5, "the rollout should take several steps");
        Assert.All(fleet["api"].Replicas, r => Assert.Equal(v2, r.Revision));
        Assert.Single(fleet.EventsOf<RolloutCompleted>());

        fleet.Runtime.SetProbeBehavior("app:3", ProbeBehavior.NotReady("status 503"));
        await Apply(fleet, Api("app:3"));
        await StepUntilAsync(fleet, s => fleet.EventsOf<RolloutRolledBack>().Count == 1
            && s["api"]!.Revision == v2 && s["api"]!.Updated == 10 && s["api"]!.Phase == WorkloadPhase.Available && fleet.Runtime.Containers.Count == 10);

        var rolledBack = Assert.Single(fleet.EventsOf<RolloutRolledBack>());
        Assert.Equal(3, rolledBack.FromNumber);
        Assert.Equal(2, rolledBack.Number);
        Assert.Contains("readiness probe failed: status 503", rolledBack.Reason);
        Assert.Contains(fleet.EventsOf<ProbeFailed>(), e => e.Probe == ProbeTarget.Readiness && e.Reason == "status 503");
        Assert.Equal(v2, fleet.Orchestrator.DesiredState!.Find("api")!.Revision);
        Assert.Equal([1, 3, 2], fleet.Orchestrator.GetRevisionHistory("api").Select(r => r.Number));
    }

    [Fact]
    public async Task Right_after_a_change_is_applied_the_status_keeps_the_ready_replicas_and_says_progressing()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(2), Api("app:1"));
        await fleet.UntilAsync(s => s["api"]!.Ready == 10 && s["api"]!.Phase == WorkloadPhase.Available, TimeSpan.FromMinutes(1));
        await fleet.Loop.StopAsync();

        await Apply(fleet, Api("app:2"));

        var api = fleet.Orchestrator.GetStatus()["api"]!;
        Assert.Equal(Api("app:2").Revision, api.Revision);
        Assert.Equal(WorkloadPhase.Progressing, api.Phase);
        Assert.Equal(10, api.Ready);
        Assert.Equal(0, api.Updated);
        Assert.Equal(10, api.Desired);
    }

    [Fact]
    public async Task A_new_orchestrator_with_a_changed_spec_adopts_the_running_revision_and_rolls_it_within_the_bounds()
    {
        await using var first = await FleetHarness.StartAsync(n => n.AddNodes(4), Api("app:1"));
        await first.UntilAsync(s => s["api"]!.Ready == 10 && s["api"]!.Phase == WorkloadPhase.Available, TimeSpan.FromMinutes(1));
        var v1 = Api("app:1").Revision;
        await first.Loop.StopAsync();
        first.Runtime.StartDelay = TimeSpan.FromMilliseconds(300);
        first.Runtime.SetProbeBehavior("app:2", new ProbeBehavior { ReadyAfter = TimeSpan.FromSeconds(2) });

        // The host restarts with a new version of its spec: the running v1 containers are adopted, then rolled.
        await using var second = await FleetHarness.StartAsync(_ => { }, null, first, Api("app:2"));
        var v2 = Api("app:2").Revision;
        var steps = await StepUntilAsync(second, s => s["api"]!.Updated == 10 && s["api"]!.Phase == WorkloadPhase.Available && second.Runtime.Containers.Count == 10);

        Assert.True(steps > 5, "the rollout should take several steps");
        Assert.Equal(10, second.EventsOf<ReplicaAdopted>().Count);
        Assert.All(second["api"].Replicas, r => Assert.Equal(v2, r.Revision));
        Assert.Equal(10, second.EventsOf<ReplicaRemoved>().Count(e => e.Reason.Contains("revision", StringComparison.Ordinal)));
        Assert.DoesNotContain(second.Runtime.Containers, c => c.Label(Runtime.OrchestrationLabels.Revision) == v1);
    }

    [Fact]
    public async Task An_old_revision_replica_that_exits_during_a_rollout_is_replaced_by_the_new_revision_not_restarted()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(4), Api("app:1"));
        await fleet.UntilAsync(s => s["api"]!.Ready == 10 && s["api"]!.Phase == WorkloadPhase.Available, TimeSpan.FromMinutes(1));
        fleet.Runtime.SetProbeBehavior("app:2", new ProbeBehavior { ReadyAfter = TimeSpan.FromSeconds(5) });
        await Apply(fleet, Api("app:2"));
        await fleet.SettleAsync();
        var v1 = Api("app:1").Revision;
        var old = fleet["api"].Replicas.First(r => r.Revision == v1 && r.Phase == ReplicaPhase.Running);

        // A crash is a disruption the rollout did not choose, so the rollout's own bounds are not checked here.
        Assert.True(fleet.Runtime.CrashContainer(old.ContainerId!, exitCode: 1));
        await fleet.UntilAsync(s => s["api"]!.Updated == 10 && s["api"]!.Phase == WorkloadPhase.Available && fleet.Runtime.Containers.Count == 10, TimeSpan.FromMinutes(2));

        var replica = old.Id;
        Assert.DoesNotContain(fleet.EventsOf<ReplicaRestartScheduled>(), e => e.ReplicaId == replica);
        Assert.Contains(fleet.EventsOf<ReplicaRemoved>(), e => e.ReplicaId == replica && e.Reason.Contains("rolls out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rollout_that_misses_its_deadline_pauses_when_so_configured_and_resumes_on_request()
    {
        static WorkloadSpec Spec(string image) => FleetHarness.Service("api", 3, b => b
            .Image(image).Readiness(Probe.Http("/ready"))
            .RollingUpdate(maxSurge: 1, maxUnavailable: 0, progressDeadline: TimeSpan.FromSeconds(10), onFailure: RolloutFailureAction.Pause));
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(2), Spec("app:1"));
        await fleet.UntilAsync(s => s["api"]!.Phase == WorkloadPhase.Available, TimeSpan.FromMinutes(1));
        fleet.Runtime.SetProbeBehavior("app:2", ProbeBehavior.NotReady());
        await Apply(fleet, Spec("app:2"));
        await fleet.UntilAsync(s => s["api"]!.Phase == WorkloadPhase.Paused, TimeSpan.FromMinutes(1));
        var paused = Assert.Single(fleet.EventsOf<RolloutPaused>());
        Assert.StartsWith("deadline exceeded", paused.Reason);
        Assert.Equal(3, fleet["api"].Ready);

        fleet.Runtime.SetProbeBehavior("app:2", ProbeBehavior.Healthy);
        await fleet.Orchestrator.ResumeRolloutAsync("api");
        await fleet.UntilAsync(s => s["api"]!.Phase == WorkloadPhase.Available && s["api"]!.Updated == 3, TimeSpan.FromMinutes(1));
        Assert.Single(fleet.EventsOf<RolloutResumed>());
    }

    [Fact]
    public async Task Recreate_stops_every_old_replica_before_starting_new_ones_and_rollback_returns_to_the_previous_revision()
    {
        static WorkloadSpec Spec(string image) => FleetHarness.Service("api", 3, b => b.Image(image).RecreateUpdate());
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(2), Spec("app:1"));
        await fleet.UntilAsync(s => s["api"]!.Phase == WorkloadPhase.Available, TimeSpan.FromMinutes(1));
        await Apply(fleet, Spec("app:2"));
        await StepUntilAsync(fleet, s => s["api"]!.Updated == 3 && s["api"]!.Phase == WorkloadPhase.Available, mixedAllowed: false);

        await fleet.Orchestrator.RollbackAsync("api");
        await fleet.UntilAsync(s => s["api"]!.Revision == Spec("app:1").Revision && s["api"]!.Phase == WorkloadPhase.Available, TimeSpan.FromMinutes(1));
        var back = Assert.Single(fleet.EventsOf<RolloutRolledBack>());
        Assert.Equal((2, 1), (back.FromNumber, back.Number));
    }

    [Fact]
    public async Task Scale_down_takes_replicas_out_of_the_endpoints_and_stops_them_after_the_drain_delay()
    {
        var spec = FleetHarness.Service("api", 3, b => b.DrainDelay(TimeSpan.FromSeconds(5)));
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(1), spec);
        await fleet.UntilAsync(s => s["api"]!.Ready == 3, TimeSpan.FromMinutes(1));
        await fleet.Orchestrator.ScaleAsync("api", 1);
        await fleet.SettleAsync();
        Assert.Single(fleet.Orchestrator.GetEndpoints("api"));
        Assert.Equal(3, fleet.Running("api").Count);
        Assert.Equal(2, fleet["api"].Replicas.Count(r => r.Phase == ReplicaPhase.Terminating));

        await fleet.AdvanceAsync(TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(1));
        Assert.Equal(3, fleet.Running("api").Count);
        await fleet.AdvanceAsync(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));
        Assert.Single(fleet.Running("api"));
    }

    private static Task Apply(FleetHarness fleet, WorkloadSpec spec)
        => fleet.Orchestrator.ApplyAsync(new FleetSpec { Name = "test", Workloads = [spec] });

    /// <summary>Advances 100 ms at a time and checks the rollout invariants after every step.</summary>
    private static async Task<int> StepUntilAsync(FleetHarness fleet, Func<FleetStatus, bool> done, bool mixedAllowed = true)
    {
        await fleet.SettleAsync();
        for (var step = 0; step < 2000; step++)
        {
            var status = fleet.Orchestrator.GetStatus();
            var api = status["api"]!;
            var containers = fleet.Runtime.Containers.Count;
            if (mixedAllowed)
            {
                Assert.True(containers <= 12, $"step {step}: {containers} containers");
                Assert.True(api.Replicas.Length <= 12, $"step {step}: {api.Replicas.Length} replicas");
                Assert.True(api.Ready >= api.Desired - 1, $"step {step}: only {api.Ready} ready: " + string.Join(", ", api.Replicas.Select(r => $"{r.Revision[..4]} {r.Phase} {r.Ready} {r.Reason}")));
                Assert.True(fleet.Orchestrator.GetEndpoints("api").Count >= api.Desired - 1, $"step {step}: too few endpoints");
            }
            else
            {
                Assert.True(fleet.Running("api").Select(c => c.Labels[Runtime.OrchestrationLabels.Revision]).Distinct().Count() <= 1, $"step {step}: two revisions run at once");
            }

            if (done(status))
            {
                return step;
            }

            fleet.Time.Advance(TimeSpan.FromMilliseconds(100));
            await fleet.SettleAsync();
        }

        throw new TimeoutException("The rollout did not finish: " + string.Join(", ", fleet["api"].Replicas.Select(r => $"{r.Id} {r.Revision} {r.Phase} {r.Ready} {r.Reason}")));
    }
}
