using Orchestration.Events;
using Orchestration.Tests.Support;

namespace Orchestration.Tests.Reconciliation;

public sealed class NodeLossTests
{
    [Fact]
    public async Task Replicas_of_a_lost_node_are_rescheduled_elsewhere_after_the_grace_period()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(3), FleetHarness.Service("web", 6));
        var onNode0 = fleet["web"].Replicas.Where(r => r.Node == "node-0").Select(r => r.Id).ToList();
        Assert.NotEmpty(onNode0);

        fleet.Runtime.LoseNode("node-0");
        await fleet.AdvanceAsync(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1));
        Assert.Empty(fleet.EventsOf<ReplicaRescheduled>());

        var status = await fleet.UntilAsync(s => s["web"]!.Ready == 6, TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(status["web"]!.Replicas, r => r.Node == "node-0");
        Assert.Equal(onNode0.Order(), fleet.EventsOf<ReplicaRescheduled>().Select(e => e.ReplicaId).Order());
        Assert.All(fleet.EventsOf<ReplicaRescheduled>(), e => Assert.Equal("node-0", e.FromNode));
        Assert.Equal(6, fleet.Running("web").Count);

        fleet.Runtime.RestoreNode("node-0");
        await fleet.UntilAsync(_ => fleet.Runtime.Containers.Count == 6, TimeSpan.FromSeconds(30));
        Assert.Equal(6, fleet.Running("web").Count);
        Assert.DoesNotContain(fleet.Runtime.Containers, c => c.Ref.Node == "node-0");
    }

    [Fact]
    public async Task A_node_back_within_the_grace_period_keeps_its_replicas()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(2), FleetHarness.Service("web", 4));
        var before = fleet["web"].Replicas.Select(r => r.Id).Order().ToList();
        fleet.Runtime.LoseNode("node-1");
        await fleet.AdvanceAsync(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1));
        fleet.Runtime.RestoreNode("node-1");
        await fleet.AdvanceAsync(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(1));

        Assert.Empty(fleet.EventsOf<ReplicaRescheduled>());
        Assert.Equal(before, fleet["web"].Replicas.Select(r => r.Id).Order());
        Assert.Equal(4, fleet.Running("web").Count);
        Assert.Contains(fleet.EventsOf<NodeStateChanged>(), e => e.Node == "node-1" && e.State == Runtime.NodeState.NotReady);
    }
}
