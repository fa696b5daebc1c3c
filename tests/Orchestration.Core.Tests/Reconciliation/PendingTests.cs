using Orchestration.Events;
using Orchestration.Tests.Support;

namespace Orchestration.Tests.Reconciliation;

public sealed class PendingTests
{
    [Fact]
    public async Task A_replica_that_fits_nowhere_stays_pending_with_the_reason_and_is_placed_when_a_node_is_added()
    {
        var big = FleetHarness.Service("big", 1, b => b.Requests(cpu: "8", memory: "1Gi"));
        var picky = FleetHarness.Service("picky", 1, b => b.NodeSelector("disk", "ssd"));
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(2, cpuMillicores: 4000), big, picky);

        var pending = fleet.EventsOf<ReplicaPending>();
        Assert.Contains(pending, e => e.Workload == "big" && e.Reason == "0/2 nodes fit: 2 rejected by ResourcesFit");
        Assert.Contains(pending, e => e.Workload == "picky" && e.Reason == "0/2 nodes fit: 2 rejected by NodeSelector");
        var replica = Assert.Single(fleet["big"].Replicas);
        Assert.Equal(ReplicaPhase.Pending, replica.Phase);
        Assert.Null(replica.Node);
        Assert.Equal("0/2 nodes fit: 2 rejected by ResourcesFit", replica.Reason);

        await fleet.AdvanceAsync(TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(5));
        Assert.Single(fleet.EventsOf<ReplicaPending>(), e => e.Workload == "big");

        fleet.Runtime.AddNode("large", cpuMillicores: 16000);
        fleet.Runtime.AddNode("fast", labels: new Dictionary<string, string> { ["disk"] = "ssd" });
        var status = await fleet.UntilAsync(s => s["big"]!.Ready == 1 && s["picky"]!.Ready == 1, TimeSpan.FromSeconds(5));
        Assert.Equal("large", status["big"]!.Replicas[0].Node);
        Assert.Equal("fast", status["picky"]!.Replicas[0].Node);
    }

    [Fact]
    public async Task A_pending_replica_is_placed_as_soon_as_capacity_is_freed()
    {
        var a = FleetHarness.Service("a", 2, b => b.Requests(cpu: "2"));
        var c = FleetHarness.Service("c", 1, b => b.Requests(cpu: "2"));
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(1, cpuMillicores: 4000), a);
        Assert.Equal(2, fleet["a"].Ready);

        await fleet.Orchestrator.ApplyAsync(new FleetSpec { Name = "test", Workloads = [a, c] });
        await fleet.SettleAsync();
        Assert.Equal(ReplicaPhase.Pending, Assert.Single(fleet["c"].Replicas).Phase);

        await fleet.Orchestrator.ScaleAsync("a", 1);
        await fleet.SettleAsync();
        Assert.Equal(1, fleet["c"].Ready);
        Assert.Equal(1, fleet["a"].Ready);
        Assert.Equal(2, fleet.Runtime.Containers.Count);
    }
    [Fact]
    public async Task A_replica_whose_image_is_missing_stays_pending_with_one_event_and_starts_once_the_image_is_there()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(1));
        fleet.Runtime.SetImageMissing("app:1");
        await fleet.Orchestrator.ApplyAsync(new FleetSpec { Name = "test", Workloads = [FleetHarness.Service("api", 1)] });
        await fleet.SettleAsync();

        var replica = Assert.Single(fleet["api"].Replicas);
        Assert.Equal(ReplicaPhase.Pending, replica.Phase);
        Assert.Equal("Image 'app:1' is not available on node 'node-0': it is not on the node and the pull policy is Never", replica.Reason);

        await fleet.AdvanceAsync(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1));
        replica = Assert.Single(fleet["api"].Replicas);
        Assert.Equal(ReplicaPhase.Pending, replica.Phase);
        Assert.Equal(0, replica.Restarts);
        var pending = Assert.Single(fleet.EventsOf<ReplicaPending>());
        Assert.Equal(replica.Reason, pending.Reason);
        Assert.Empty(fleet.EventsOf<ReplicaExited>());
        Assert.Empty(fleet.EventsOf<ReplicaRestartScheduled>());
        Assert.Empty(fleet.Runtime.Containers);

        fleet.Runtime.SetImageMissing("app:1", missing: false);
        var status = await fleet.UntilAsync(s => s["api"]!.Ready == 1, TimeSpan.FromSeconds(31), TimeSpan.FromSeconds(1));
        var running = Assert.Single(status["api"]!.Replicas);
        Assert.Equal(replica.Id, running.Id);
        Assert.Equal(ReplicaPhase.Running, running.Phase);
        Assert.Null(running.Reason);
    }
}
