using Orchestration.Events;
using Orchestration.Tests.Support;

namespace Orchestration.Tests.Reconciliation;

public sealed class AdoptionTests
{
    [Fact]
    public async Task A_new_orchestrator_adopts_matching_containers_and_removes_undesired_ones()
    {
        await using var first = await FleetHarness.StartAsync(n => n.AddNodes(2), FleetHarness.Service("web", 3), FleetHarness.Service("old", 1));
        var ids = first.Runtime.Containers.Where(c => c.Name.Contains("-web-")).Select(c => c.Ref.Id).Order().ToList();
        await first.Loop.StopAsync();

        await using var second = await FleetHarness.StartAsync(_ => { }, null, first, FleetHarness.Service("web", 3));
        Assert.Equal(3, second["web"].Ready);
        Assert.Equal(ids, second.Running("web").Select(c => c.Ref.Id).Order());
        Assert.Equal(3, second.EventsOf<ReplicaAdopted>().Count);
        Assert.Empty(second.Running("old"));
        Assert.Contains(second.EventsOf<ReplicaRemoved>(), e => e.Workload == "old" && e.Reason == "belongs to no desired workload");
        Assert.Equal(4, second.Runtime.StartCount);
    }

    [Fact]
    public async Task Containers_of_another_revision_are_replaced()
    {
        await using var first = await FleetHarness.StartAsync(n => n.AddNodes(1), FleetHarness.Service("web", 2));
        await first.Loop.StopAsync();
        var changed = FleetHarness.Service("web", 2, b => b.Env("MODE", "new"));

        await using var second = await FleetHarness.StartAsync(_ => { }, null, first, changed);
        Assert.Equal(2, second["web"].Ready);
        Assert.All(second.Running("web"), c => Assert.Equal(changed.Revision, c.Label(Runtime.OrchestrationLabels.Revision)));
        Assert.Equal(2, second.Runtime.Containers.Count);
    }

    [Fact]
    public async Task DeleteFleetAsync_removes_every_container_and_the_fleet_resources()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(2), FleetHarness.Service("web", 3));
        Assert.True(fleet.Runtime.HasFleet("test"));
        await fleet.Orchestrator.DeleteFleetAsync();
        Assert.Empty(fleet.Runtime.Containers);
        Assert.False(fleet.Runtime.HasFleet("test"));
        Assert.Equal(3, Assert.Single(fleet.EventsOf<FleetDeleted>()).Containers);
        Assert.False(fleet.Loop.IsRunning);
    }

    [Fact]
    public async Task WaitForAsync_returns_the_matching_status_or_times_out_by_the_orchestrators_clock()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(1), FleetHarness.Service("web", 1));
        var waiting = fleet.Orchestrator.WaitForAsync(s => s["web"]?.Ready == 2, TimeSpan.FromSeconds(30));
        Assert.False(waiting.IsCompleted);
        await fleet.Orchestrator.ScaleAsync("web", 2);
        var status = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, status["web"]!.Ready);

        var never = fleet.Orchestrator.WaitForAsync(s => s["web"]?.Ready == 9, TimeSpan.FromSeconds(10));
        fleet.Time.Advance(TimeSpan.FromSeconds(11));
        var error = await Assert.ThrowsAsync<TimeoutException>(() => never.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("web Available desired 2 ready 2", error.Message);
    }

    [Fact]
    public async Task Stopping_the_host_with_DeleteFleetOnStop_removes_the_fleet()
    {
        var fleet = await FleetHarness.StartAsync(n => n.AddNodes(1), o => o.DeleteFleetOnStop = true, null, FleetHarness.Service("web", 2));
        var runtime = fleet.Runtime;
        Assert.Equal(2, runtime.Containers.Count);
        await fleet.DisposeAsync();
        Assert.Empty(runtime.Containers);
    }
}
