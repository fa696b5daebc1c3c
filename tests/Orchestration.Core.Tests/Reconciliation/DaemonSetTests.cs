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

    [Fact]
    public async Task A_changed_daemon_set_is_replaced_one_node_at_a_time()
    {
        static WorkloadSpec Agent(string image) => new WorkloadBuilder("agent").Image(image).DaemonSet()
            .Readiness(Probe.Http("/ready") with { Period = TimeSpan.FromSeconds(1) }).Port("http", 8080).Build();
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(4), Agent("agent:1"));
        await fleet.UntilAsync(s => s["agent"]!.Ready == 4, TimeSpan.FromMinutes(1));
        fleet.Runtime.StartDelay = TimeSpan.FromMilliseconds(300);
        fleet.Runtime.SetProbeBehavior("agent:2", new Orchestration.InMemory.ProbeBehavior { ReadyAfter = TimeSpan.FromSeconds(2) });
        var v2 = Agent("agent:2");

        await fleet.Orchestrator.ApplyAsync(new FleetSpec { Name = "test", Workloads = [v2] });

        var fewestReady = 4;
        var status = await fleet.UntilAsync(s =>
        {
            fewestReady = Math.Min(fewestReady, s["agent"]!.Ready);
            return s["agent"]!.Ready == 4 && s["agent"]!.Replicas.Length == 4 && s["agent"]!.Replicas.All(r => r.Revision == v2.Revision);
        }, TimeSpan.FromMinutes(2));

        Assert.Equal(3, fewestReady);
        Assert.Equal(4, fleet.Runtime.Containers.Count);
        Assert.Equal(["node-0", "node-1", "node-2", "node-3"], status["agent"]!.Replicas.Select(r => r.Node!).Order());
        Assert.All(fleet.Running("agent"), c => Assert.Equal(v2.Revision, c.Label(Runtime.OrchestrationLabels.Revision)));
    }
}
