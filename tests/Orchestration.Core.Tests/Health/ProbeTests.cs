using Orchestration.Events;
using Orchestration.InMemory;
using Orchestration.Tests.Support;

namespace Orchestration.Tests.Health;

public sealed class ProbeTests
{
    [Fact]
    public async Task Readiness_decides_ready_and_endpoints_and_its_failure_is_visible_in_status_and_events()
    {
        var spec = FleetHarness.Service("api", 2, b => b.Readiness(Probe.Http("/ready") with { FailureThreshold = 2 }));
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(1), spec);
        await fleet.UntilAsync(s => s["api"]!.Ready == 2, TimeSpan.FromSeconds(10));
        Assert.Equal(2, fleet.Orchestrator.GetEndpoints("api").Count);

        fleet.Runtime.SetProbeBehavior("api", ProbeBehavior.NotReady("status 503"));
        // The status can change before the events that explain it are delivered: wait for both.
        await fleet.UntilAsync(
            s => s["api"]!.Ready == 0 && fleet.EventsOf<ProbeFailed>().Count(e => e.Reason == "status 503" && e.Failures == 2) == 2,
            TimeSpan.FromSeconds(10));
        Assert.Empty(fleet.Orchestrator.GetEndpoints("api"));
        Assert.All(fleet["api"].Replicas, r => Assert.Equal("readiness probe failed: status 503", r.Reason));
        Assert.Equal(2, fleet.Running("api").Count);

        fleet.Runtime.SetProbeBehavior("api", ProbeBehavior.Healthy);
        await fleet.UntilAsync(s => s["api"]!.Ready == 2, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Liveness_failure_restarts_the_replica_with_backoff()
    {
        var spec = FleetHarness.Service("api", 1, b => b.Liveness(Probe.Tcp("http") with { FailureThreshold = 3 }));
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(1), spec);
        await fleet.UntilAsync(s => s["api"]!.Ready == 1, TimeSpan.FromSeconds(10));
        fleet.Runtime.SetProbeBehavior("api", ProbeBehavior.NotLive("connection refused"));
        await fleet.UntilAsync(s => s["api"]!.Replicas[0].Restarts == 1, TimeSpan.FromSeconds(10));
        fleet.Runtime.SetProbeBehavior("api", ProbeBehavior.Healthy);
        await fleet.UntilAsync(s => s["api"]!.Ready == 1, TimeSpan.FromSeconds(10));

        var unhealthy = Assert.Single(fleet.EventsOf<ReplicaUnhealthy>());
        Assert.Equal("liveness probe failed: connection refused", unhealthy.Reason);
        Assert.Single(fleet.EventsOf<ReplicaRestartScheduled>());
        Assert.Equal(1, fleet["api"].Replicas[0].Restarts);
    }

    [Fact]
    public async Task The_startup_probe_gates_readiness()
    {
        var spec = FleetHarness.Service("api", 1, b => b
            .Startup(Probe.Http("/started") with { FailureThreshold = 30 })
            .Readiness(Probe.Http("/ready")));
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(1));
        fleet.Runtime.SetProbeBehavior("api", new ProbeBehavior { ReadyAfter = TimeSpan.FromSeconds(5) });
        await fleet.Orchestrator.ApplyAsync(new FleetSpec { Name = "test", Workloads = [spec] });
        await fleet.AdvanceAsync(TimeSpan.FromSeconds(4), TimeSpan.FromMilliseconds(500));
        Assert.Equal(0, fleet["api"].Ready);
        Assert.DoesNotContain(fleet.EventsOf<ProbePassed>(), e => e.Probe == ProbeTarget.Startup);
        await fleet.UntilAsync(s => s["api"]!.Ready == 1, TimeSpan.FromSeconds(10));
        var passes = fleet.EventsOf<ProbePassed>();
        Assert.Equal([ProbeTarget.Startup, ProbeTarget.Readiness], passes.Select(p => p.Probe));
    }

    [Fact]
    public async Task Dependants_start_after_their_dependencies_are_ready_and_independent_workloads_start_together()
    {
        var db = FleetHarness.Service("db", 1, b => b.Readiness(Probe.Tcp("http")));
        var api = FleetHarness.Service("api", 1, b => b.DependsOn("db").Readiness(Probe.Tcp("http")));
        var web = FleetHarness.Service("web", 1, b => b.DependsOn("api"));
        var other = FleetHarness.Service("other", 1);
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(2));
        fleet.Runtime.SetProbeBehavior("db", new ProbeBehavior { ReadyAfter = TimeSpan.FromSeconds(3) });
        fleet.Runtime.SetProbeBehavior("api", new ProbeBehavior { ReadyAfter = TimeSpan.FromSeconds(2) });
        await fleet.Orchestrator.ApplyAsync(new FleetSpec { Name = "test", Workloads = [web, api, db, other] });
        await fleet.SettleAsync();
        Assert.Equal(WorkloadPhase.Waiting, fleet["web"].Phase);
        Assert.Equal(WorkloadPhase.Waiting, fleet["api"].Phase);
        Assert.Equal(1, fleet["other"].Ready);
        await fleet.UntilAsync(s => s["web"]!.Ready == 1, TimeSpan.FromSeconds(30));

        var started = fleet.EventsOf<ReplicaStarted>().ToDictionary(e => e.Workload!, e => e.Time);
        var ready = fleet.EventsOf<ProbePassed>().Where(e => e.Probe == ProbeTarget.Readiness).ToDictionary(e => e.Workload!, e => e.Time);
        Assert.True(started["api"] >= ready["db"]);
        Assert.True(started["web"] >= ready["api"]);
        Assert.Equal(started["db"], started["other"]);
    }
}
