using Orchestration.Runtime;
using Orchestration.Tests.Support;

namespace Orchestration.Tests.Reconciliation;

public sealed class NodeStatusTests
{
    [Fact]
    public async Task Status_lists_every_node_with_its_replicas_and_reservations()
    {
        await using var fleet = await FleetHarness.StartAsync(
            n => n.AddNodes(3),
            FleetHarness.Service("web", 6, w => w.Requests(cpu: "100m", memory: "64Mi")));

        var nodes = fleet.Orchestrator.GetStatus().Nodes;

        Assert.Equal(["node-0", "node-1", "node-2"], nodes.Select(n => n.Name));
        Assert.All(nodes, n =>
        {
            Assert.Equal(NodeState.Ready, n.State);
            Assert.Null(n.NotReadySince);
            Assert.Equal(2, n.Replicas);
            Assert.Equal(200, n.CpuRequestedMillicores);
            Assert.Equal(2 * 64L * 1024 * 1024, n.MemoryRequestedBytes);
            Assert.True(n.CpuMillicores > 0);
            Assert.False(n.Cordoned);
        });
    }

    [Fact]
    public async Task A_node_that_stops_answering_is_NotReady_then_Lost_and_cordons_show()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(3), FleetHarness.Service("web", 3));
        await fleet.Orchestrator.CordonAsync("node-2");
        fleet.Runtime.LoseNode("node-0");
        await fleet.AdvanceAsync(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));

        var notReady = Node(fleet, "node-0");
        Assert.Equal(NodeState.NotReady, notReady.State);
        Assert.NotNull(notReady.NotReadySince);
        Assert.True(Node(fleet, "node-2").Cordoned);

        var status = await fleet.UntilAsync(s => s.Nodes.Single(n => n.Name == "node-0").State == NodeState.Lost && s["web"]!.Ready == 3, TimeSpan.FromSeconds(60));
        var lost = status.Nodes.Single(n => n.Name == "node-0");
        Assert.Equal(notReady.NotReadySince, lost.NotReadySince);
        Assert.Equal(0, lost.Replicas);
        Assert.Equal(2, status.Nodes.Single(n => n.Name == "node-1").Replicas);
        Assert.Equal(1, status.Nodes.Single(n => n.Name == "node-2").Replicas);
    }

    private static NodeStatus Node(FleetHarness fleet, string name) => fleet.Orchestrator.GetStatus().Nodes.Single(n => n.Name == name);
}
