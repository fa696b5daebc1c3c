using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Diagnostics;
using Orchestration.Events;
using Orchestration.InMemory;
using Orchestration.Tests.Support;

namespace Orchestration.Tests.Diagnostics;

public sealed class FleetMetricsTests
{
    private static readonly (string, string) Api = (MetricTags.Workload, "api");

    [Fact]
    public async Task A_crashed_replica_is_counted_as_an_exit_and_a_restart_and_every_measurement_names_the_fleet()
    {
        using var meters = new TestMeterFactory();
        using var metrics = MetricRecorder.For(meters);
        var spec = FleetHarness.Service("api", 3, b => b.Env("MODE", "not-a-tag-value"));
        await using var fleet = await StartAsync(meters, n => n.AddNodes(3), spec);

        Assert.NotNull(fleet.Runtime.CrashReplica("api", exitCode: 3));
        await fleet.SettleAsync();
        await fleet.UntilAsync(s => s["api"]!.Ready == 3 && s["api"]!.Replicas.Sum(r => r.Restarts) == 1, TimeSpan.FromSeconds(10));

        Assert.Equal(3, metrics.Sum("orchestration.replica.placements", Api, (MetricTags.PlacementResult, "scheduled")));
        Assert.Equal(0, metrics.Sum("orchestration.replica.placements", (MetricTags.PlacementResult, "pending")));
        Assert.Equal(4, metrics.Sum("orchestration.replica.starts", Api));
        Assert.Equal(1, metrics.Sum("orchestration.replica.exits", Api, (MetricTags.ExitClass, "error")));
        Assert.Equal(1, metrics.Sum("orchestration.replica.exits"));
        Assert.Equal(1, metrics.Sum("orchestration.replica.restarts", Api));
        Assert.Equal(3, metrics.Observe("orchestration.workload.replica.desired", Api));
        Assert.Equal(3, metrics.Observe("orchestration.workload.replica.ready", Api));
        Assert.Equal(3, metrics.Observe("orchestration.node.count", (MetricTags.NodeState, "ready")));
        Assert.Equal(0, metrics.Observe("orchestration.node.count", (MetricTags.NodeState, "not_ready")));

        var reconciles = metrics.Of("orchestration.reconcile.duration", Api);
        Assert.NotEmpty(reconciles);
        Assert.All(reconciles, m => Assert.Equal("success", m.Tag(MetricTags.ReconcileOutcome)));
        Assert.All(reconciles, m => Assert.True(m.Value >= 0));

        var all = metrics.All;
        Assert.All(all, m => Assert.Equal("test", m.Tag(MetricTags.Fleet)));
        Assert.All(all.SelectMany(m => m.Tags.Values), v => Assert.NotEqual("not-a-tag-value", v));
    }

    [Fact]
    public async Task Pending_replicas_and_the_outcome_of_each_rollout_are_counted_per_workload()
    {
        static WorkloadSpec Spec(string image) => FleetHarness.Service("api", 2, b => b
            .Image(image).Readiness(Probe.Http("/ready"))
            .RollingUpdate(maxSurge: 1, maxUnavailable: 0, progressDeadline: TimeSpan.FromSeconds(10)));
        var big = FleetHarness.Service("big", 1, b => b.Requests(cpu: "8"));
        using var meters = new TestMeterFactory();
        using var metrics = MetricRecorder.For(meters);
        await using var fleet = await StartAsync(meters, n => n.AddNodes(2, cpuMillicores: 4000), Spec("app:1"), big);
        await fleet.UntilAsync(s => s["api"]!.Phase == WorkloadPhase.Available, TimeSpan.FromMinutes(1));

        await fleet.Orchestrator.ApplyAsync(new FleetSpec { Name = "test", Workloads = [Spec("app:2"), big] });
        await fleet.UntilAsync(_ => fleet.EventsOf<RolloutCompleted>().Count == 1, TimeSpan.FromMinutes(1));
        fleet.Runtime.SetProbeBehavior("app:3", ProbeBehavior.NotReady("status 503"));
        await fleet.Orchestrator.ApplyAsync(new FleetSpec { Name = "test", Workloads = [Spec("app:3"), big] });
        await fleet.UntilAsync(_ => fleet.EventsOf<RolloutCompleted>().Count == 2, TimeSpan.FromMinutes(1));
        Assert.Single(fleet.EventsOf<RolloutRolledBack>());

        var bigTag = (MetricTags.Workload, "big");
        Assert.Equal(1, metrics.Sum("orchestration.replica.placements", bigTag, (MetricTags.PlacementResult, "pending")));
        Assert.Equal(0, metrics.Sum("orchestration.replica.placements", bigTag, (MetricTags.PlacementResult, "scheduled")));
        Assert.Equal(1, metrics.Observe("orchestration.workload.replica.desired", bigTag));
        Assert.Equal(0, metrics.Observe("orchestration.workload.replica.ready", bigTag));
        Assert.Equal(2, metrics.Sum("orchestration.rollout.starts", Api));
        // Revision 2 completed twice: once rolled out, once rolled back to.
        Assert.Equal(2, fleet.EventsOf<RolloutCompleted>().Count);
        Assert.Equal(2, metrics.Sum("orchestration.rollout.outcomes", Api, (MetricTags.RolloutOutcome, "completed")));
        Assert.Equal(1, metrics.Sum("orchestration.rollout.outcomes", Api, (MetricTags.RolloutOutcome, "rolled_back")));
        Assert.Equal(0, metrics.Sum("orchestration.rollout.outcomes", Api, (MetricTags.RolloutOutcome, "paused")));
    }

    [Fact]
    public async Task A_node_that_stops_answering_counts_as_not_ready_and_then_as_lost_after_the_grace_period()
    {
        using var meters = new TestMeterFactory();
        using var metrics = MetricRecorder.For(meters);
        await using var fleet = await StartAsync(meters, n => n.AddNodes(3), FleetHarness.Service("api", 1));

        fleet.Runtime.LoseNode("node-0");
        await fleet.SettleAsync();
        Assert.Equal(2, metrics.Observe("orchestration.node.count", (MetricTags.NodeState, "ready")));
        Assert.Equal(1, metrics.Observe("orchestration.node.count", (MetricTags.NodeState, "not_ready")));
        Assert.Equal(0, metrics.Observe("orchestration.node.count", (MetricTags.NodeState, "lost")));

        await fleet.AdvanceAsync(OrchestrationDefaults.NodeLostGracePeriod, TimeSpan.FromSeconds(1));
        Assert.Equal(0, metrics.Observe("orchestration.node.count", (MetricTags.NodeState, "not_ready")));
        Assert.Equal(1, metrics.Observe("orchestration.node.count", (MetricTags.NodeState, "lost")));
        Assert.Equal(1, metrics.Observe("orchestration.workload.replica.ready", Api));
    }

    private static Task<FleetHarness> StartAsync(IMeterFactory meters, Action<InMemoryRuntimeOptions> nodes, params WorkloadSpec[] workloads)
        => FleetHarness.StartWithServicesAsync(nodes, null, s => s.AddSingleton(meters), workloads);
}
