namespace Orchestration.Nodes.Tests;

/// <summary>A daemon set across three real engines: one replica per node, moved to a new revision node by node.</summary>
[Collection(NodesCollection.Name)]
public sealed class DaemonSetTests : NodeFleetTest
{
    [Fact]
    public async Task A_changed_daemon_set_moves_to_its_new_revision_one_node_at_a_time()
    {
        var v1 = NodeHost.Web(0, "agent") with { Kind = WorkloadKind.DaemonSet };
        await StartAsync(v1);
        var before = await Host!.WaitForAsync(s => s["agent"] is { Ready: 3, Phase: WorkloadPhase.Available });
        Assert.Equal(["node1", "node2", "node3"], before["agent"]!.Replicas.Select(r => r.Node!).Order());

        var v2 = v1 with { Environment = v1.Environment.SetItem("VERSION", "2") };
        await Host!.ApplyAsync(v2);
        var fewestReady = 3;
        var after = await Host!.WaitForAsync(s =>
        {
            fewestReady = Math.Min(fewestReady, s["agent"]?.Ready ?? 0);
            return s["agent"] is { Ready: 3, Phase: WorkloadPhase.Available } w && w.Replicas.All(r => r.Revision == v2.Revision);
        }, 120);

        Assert.Equal(2, fewestReady);
        Assert.Equal(["node1", "node2", "node3"], after["agent"]!.Replicas.Select(r => r.Node!).Order());
        for (var node = 1; node <= NodesFixture.Count; node++)
        {
            var running = await NodesFixture.ContainersAsync(node, Fleet, runningOnly: true);
            Assert.Equal(v2.Revision, Assert.Single(running).Labels[Runtime.OrchestrationLabels.Revision]);
        }
    }
}
