using Orchestration.Events;
using Orchestration.Tests.Support;

namespace Orchestration.Tests.Reconciliation;

public sealed class ServiceScalingTests
{
    [Fact]
    public async Task Scales_from_zero_to_five_then_down_to_two()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(3), FleetHarness.Service("web", 0));
        Assert.Empty(fleet.Running("web"));
        Assert.Equal(WorkloadPhase.Available, fleet["web"].Phase);

        await fleet.Orchestrator.ScaleAsync("web", 5);
        var up = await fleet.UntilAsync(s => s["web"]!.Ready == 5);
        Assert.Equal(5, fleet.Running("web").Count);
        Assert.Equal(5, up["web"]!.Desired);
        Assert.Equal(5, up["web"]!.Updated);
        Assert.All(up["web"]!.Replicas, r => Assert.NotNull(r.Node));

        await fleet.Orchestrator.ScaleAsync("web", 2);
        var down = await fleet.UntilAsync(s => s["web"]!.Replicas.Length == 2 && s["web"]!.Ready == 2);
        Assert.Equal(2, fleet.Running("web").Count);
        Assert.Equal(2, fleet.Runtime.Containers.Count);
        Assert.Equal(3, fleet.EventsOf<ReplicaRemoved>().Count(e => e.Reason == "scale down"));
        Assert.Equal(WorkloadPhase.Available, down["web"]!.Phase);
    }

    [Fact]
    public async Task Scale_down_removes_not_ready_replicas_first_then_the_newest()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(2), FleetHarness.Service("web", 2));
        var oldest = fleet["web"].Replicas.Select(r => r.Id).ToHashSet();
        await fleet.AdvanceAsync(TimeSpan.FromSeconds(1));

        await fleet.Orchestrator.ScaleAsync("web", 4);
        await fleet.UntilAsync(s => s["web"]!.Ready == 4);
        await fleet.AdvanceAsync(TimeSpan.FromSeconds(1));
        fleet.Runtime.FailNextStarts(100, "image is broken");
        await fleet.Orchestrator.ScaleAsync("web", 5);
        await fleet.UntilAsync(s => s["web"]!.Replicas.Any(r => r.Phase == ReplicaPhase.BackOff));
        var broken = fleet["web"].Replicas.Single(r => r.Phase == ReplicaPhase.BackOff).Id;

        await fleet.Orchestrator.ScaleAsync("web", 2);
        var status = await fleet.UntilAsync(s => s["web"]!.Replicas.Length == 2);
        fleet.Runtime.FailNextStarts(0);

        Assert.DoesNotContain(status["web"]!.Replicas, r => r.Id == broken);
        Assert.Equal(oldest, status["web"]!.Replicas.Select(r => r.Id).ToHashSet());
    }

    [Fact]
    public async Task Containers_carry_ownership_labels_and_the_fleet_name_scheme()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(1), FleetHarness.Service("web", 1));
        var c = Assert.Single(fleet.Running("web"));
        var replica = c.Label(Runtime.OrchestrationLabels.Replica);
        Assert.Equal("test", c.Label(Runtime.OrchestrationLabels.Fleet));
        Assert.Equal(fleet["web"].Revision, c.Label(Runtime.OrchestrationLabels.Revision));
        Assert.NotNull(c.Label(Runtime.OrchestrationLabels.Owner));
        Assert.Equal("1", c.Label(Runtime.OrchestrationLabels.Attempt));
        Assert.Equal($"test-web-{replica}-1", c.Name);
        var endpoint = Assert.Single(fleet.Orchestrator.GetEndpoints("web", "http"));
        Assert.Equal(c.PublishedPorts["http"], endpoint.Address);
    }

    [Fact]
    public async Task A_negative_count_is_refused_as_an_applied_spec_with_that_count_is()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(1), FleetHarness.Service("web", 1));
        var applied = fleet.Orchestrator.DesiredState!;

        var viaScale = await Assert.ThrowsAsync<SpecValidationException>(() => fleet.Orchestrator.ScaleAsync("web", -1));
        var viaApply = await Assert.ThrowsAsync<SpecValidationException>(() => fleet.Orchestrator.ApplyAsync(
            applied with { Workloads = [applied.Workloads[0] with { Replicas = -1 }] }));

        Assert.Equal(viaApply.Problems, viaScale.Problems);
        Assert.Equal("workloads[\"web\"].replicas", Assert.Single(viaScale.Problems).Path);
        Assert.Equal(1, fleet.Orchestrator.DesiredState!.Find("web")!.Replicas);
    }

    [Fact]
    public async Task A_misspelt_workload_names_the_closest_one()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(1), FleetHarness.Service("web", 1));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => fleet.Orchestrator.ScaleAsync("wbe", 2));

        Assert.StartsWith("Workload 'wbe' is not part of fleet", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'web'?", error.Message, StringComparison.Ordinal);
    }
}
