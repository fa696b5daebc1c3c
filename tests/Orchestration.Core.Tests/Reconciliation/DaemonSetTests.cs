using Orchestration.Tests.Support;

namespace Orchestration.Tests.Reconciliation;

public sealed class DaemonSetTests
{
    [Fact]
    public async Task A_daemon_set_follows_nodes_joining_and_leaving()
    {
        var agent = new WorkloadBuilder("agent").Image("agent:1").DaemonSet().Build();
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(2), agent);
        Assert.Equal(["node-0", "node-1"], fleet.Running("agent").Select(c => c.Ref.Node).Order());

        fleet.Runtime.AddNode("node-2");
        await fleet.UntilAsync(s => s["agent"]!.Ready == 3, TimeSpan.FromSeconds(1));
        Assert.Equal(["node-0", "node-1", "node-2"], fleet.Running("agent").Select(c => c.Ref.Node).Order());

        fleet.Runtime.RemoveNode("node-0");
        var status = await fleet.UntilAsync(s => s["agent"]!.Replicas.Length == 2 && s["agent"]!.Ready == 2, TimeSpan.FromSeconds(1));
        Assert.Equal(["node-1", "node-2"], status["agent"]!.Replicas.Select(r => r.Node!).Order());
        Assert.Equal(2, status["agent"]!.Desired);
        Assert.Equal(WorkloadPhase.Available, status["agent"]!.Phase);
    }

    [Fact]
    public async Task A_daemon_set_only_runs_on_nodes_its_selector_and_taints_allow()
    {
        var agent = new WorkloadBuilder("agent").Image("agent:1").DaemonSet().NodeSelector("role", "edge").Build();
        await using var fleet = await FleetHarness.StartAsync(n => n
            .AddNode("edge-1", labels: new Dictionary<string, string> { ["role"] = "edge" })
            .AddNode("edge-2", labels: new Dictionary<string, string> { ["role"] = "edge" }, taints: [new Taint("dedicated", "db", TaintEffect.NoSchedule)])
            .AddNode("core-1"),
            agent);
        Assert.Equal(["edge-1"], fleet.Running("agent").Select(c => c.Ref.Node));
    }
}
