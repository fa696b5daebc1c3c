using Orchestration.Events;
using Orchestration.Runtime.Docker;
using Orchestration.TestSupport;

namespace Orchestration.Nodes.Tests;

/// <summary>Taints on real engines: NoSchedule keeps replicas off a node unless they tolerate it; NoExecute also moves
/// running replicas away.</summary>
[Collection(NodesCollection.Name)]
public sealed class TaintTests : NodeFleetTest
{
    private Taint? _node3Taint;

    [Fact]
    public async Task Replicas_keep_off_a_NoSchedule_node_unless_they_tolerate_it()
    {
        _node3Taint = new Taint("dedicated", "db", TaintEffect.NoSchedule);
        var db = new WorkloadBuilder("db").Image(NodesFixture.Image).PullPolicy(PullPolicy.Never).Replicas(2).Port("http", 8080)
            .Tolerate("dedicated", "db").NodeSelector("zone", "z3").Build();

        await StartAsync(NodeHost.Web(4), db);

        var status = await Host!.WaitForAsync(s => s["web"]?.Ready == 4 && s["db"]?.Ready == 2);
        Assert.DoesNotContain(status["web"]!.Replicas, r => r.Node == "node3");
        Assert.All(status["db"]!.Replicas, r => Assert.Equal("node3", r.Node));
        Assert.Equal("dedicated", Assert.Single(status.Nodes.Single(n => n.Name == "node3").Taints).Key);
    }

    [Fact]
    public async Task A_host_restarted_with_a_NoExecute_taint_on_a_node_moves_its_replicas_away()
    {
        await StartAsync(NodeHost.Web(6));
        await Host!.WaitForAsync(s => s["web"]?.Ready == 6);
        Assert.Equal(2, (await NodesFixture.ContainersAsync(3, Fleet, runningOnly: true)).Count);
        await Host!.DisposeAsync();

        _node3Taint = new Taint("maintenance", "", TaintEffect.NoExecute);
        await StartAsync(NodeHost.Web(6));

        await Host!.WaitForAsync(s => s["web"] is { Ready: 6 } w && w.Replicas.Length == 6 && w.Replicas.All(r => r.Node != "node3"), 120);
        Assert.Equal(2, Host!.Events.OfType<ReplicaRemoved>().Count(e => e.Reason.Contains("maintenance=:NoExecute", StringComparison.Ordinal)));
        await Eventually.UntilAsync(
            async () => (await NodesFixture.ContainersAsync(3, Fleet, runningOnly: true)).Count == 0, TimeSpan.FromSeconds(30), "node3 still runs the fleet's replicas");
    }

    /// <inheritdoc />
    protected override void ConfigureDocker(DockerRuntimeOptions options)
    {
        base.ConfigureDocker(options);
        if (_node3Taint is { } taint)
        {
            options.Nodes.Single(n => n.Name == "node3").Taints.Add(taint);
        }
    }
}
