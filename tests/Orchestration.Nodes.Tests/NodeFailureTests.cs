using System.Diagnostics;
using Orchestration.Events;
using Orchestration.Runtime;
using Orchestration.TestSupport;

namespace Orchestration.Nodes.Tests;

/// <summary>One engine's daemon killed and started again; a node drained.</summary>
[Collection(NodesCollection.Name)]
public sealed class NodeFailureTests : NodeFleetTest
{
    [Fact]
    public async Task A_killed_engine_s_replicas_move_within_the_grace_period_and_its_stale_containers_go_when_it_is_back()
    {
        await StartAsync(NodeHost.Web(6));
        await Host!.WaitForAsync(s => s["web"]?.Ready == 6);
        Assert.Equal(2, (await NodesFixture.ContainersAsync(3, Fleet, runningOnly: true)).Count);

        var killed = Stopwatch.StartNew();
        await NodesFixture.StopNodeAsync(3);
        try
        {
            // Within the grace period + 10 s of the kill, all 6 replicas run on node1 and node2.
            var remaining = Grace + TimeSpan.FromSeconds(10) - killed.Elapsed;
            var status = await Host!.WaitForAsync(s => s["web"]?.Ready == 6 && s["web"]!.Replicas.All(r => r.Node != "node3"), remaining.TotalSeconds);
            Assert.Equal(6, status["web"]!.Replicas.Count(r => r.Node is "node1" or "node2"));
            Assert.Contains(Host!.Events.OfType<NodeStateChanged>(), e => e.Node == "node3" && e.State == NodeState.NotReady);
            Assert.Contains(Host!.Events.OfType<NodeStateChanged>(), e => e.Node == "node3" && e.State == NodeState.Lost);
            Assert.Equal(2, Host!.Events.OfType<ReplicaRescheduled>().Count(e => e.FromNode == "node3"));
            var node3 = Host!.Orchestrator.GetStatus().Nodes.Single(n => n.Name == "node3");
            Assert.Equal(NodeState.Lost, node3.State);
            Assert.Equal(0, node3.Replicas);
        }
        finally
        {
            await NodesFixture.StartNodeAsync(3);
        }

        // Live restore kept node3's two old containers running; once node3 answers they are removed.
        await Eventually.UntilAsync(async () => (await NodesFixture.ContainersAsync(3, Fleet)).Count == 0, TimeSpan.FromSeconds(60), "node3 still holds the fleet's old containers");
        Assert.Contains(Host!.Events.OfType<NodeStateChanged>(), e => e.Node == "node3" && e.State == NodeState.Ready);
        var back = await Host!.WaitForAsync(s => s["web"]?.Ready == 6 && s["web"]!.Replicas.Count() == 6);
        Assert.All(back.Nodes, n => Assert.Equal(NodeState.Ready, n.State));
        Assert.Equal(6, back.Nodes.Sum(n => n.Replicas));
        var running = 0;
        for (var node = 1; node <= NodesFixture.Count; node++)
        {
            running += (await NodesFixture.ContainersAsync(node, Fleet, runningOnly: true)).Count;
        }

        Assert.Equal(6, running);
    }

    [Fact]
    public async Task Draining_a_node_moves_its_replicas_with_never_more_than_one_missing()
    {
        await StartAsync(NodeHost.Web(6));
        await Host!.WaitForAsync(s => s["web"]?.Ready == 6);

        var drain = Host!.Orchestrator.DrainAsync("node3", maxUnavailable: 1);
        var fewestReady = 6;
        await Host!.WaitForAsync(s =>
        {
            fewestReady = Math.Min(fewestReady, s["web"]?.Ready ?? 0);
            return drain.IsCompleted;
        }, 120);
        await drain;

        Assert.True(fewestReady >= 5, $"only {fewestReady} of 6 replicas were ready during the drain");
        var status = await Host!.WaitForAsync(s => s["web"]?.Ready == 6);
        Assert.DoesNotContain(status["web"]!.Replicas, r => r.Node == "node3");
        await Eventually.UntilAsync(async () => (await NodesFixture.ContainersAsync(3, Fleet)).Count == 0, TimeSpan.FromSeconds(30), "node3 still holds the fleet's containers");
        await Host!.Orchestrator.UncordonAsync("node3");
    }
}
