using Orchestration.Events;
using Orchestration.Tests.Support;

namespace Orchestration.Tests.Scheduling;

public sealed class NoExecuteTests
{
    [Fact]
    public async Task Replicas_leave_a_node_tainted_NoExecute_unless_they_tolerate_it()
    {
        var tolerant = FleetHarness.Service("agent", 2, b => b.Tolerate("maintenance"));
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(2), FleetHarness.Service("web", 4), tolerant);
        Assert.Contains(fleet["web"].Replicas, r => r.Node == "node-0");
        var tolerantOnNode0 = fleet["agent"].Replicas.Where(r => r.Node == "node-0").Select(r => r.Id).ToList();

        fleet.Runtime.SetTaints("node-0", new Taint("maintenance", "now", TaintEffect.NoExecute));

        var status = await fleet.UntilAsync(s => s["web"]!.Ready == 4 && s["web"]!.Replicas.Length == 4 && s["web"]!.Replicas.All(r => r.Node == "node-1"), TimeSpan.FromMinutes(1));
        Assert.Contains(fleet.EventsOf<ReplicaRemoved>(), e => e.Workload == "web" && e.Reason.Contains("maintenance=now:NoExecute", StringComparison.Ordinal));
        Assert.DoesNotContain(fleet.Running("web"), c => c.Ref.Node == "node-0");
        Assert.Equal(tolerantOnNode0, status["agent"]!.Replicas.Where(r => r.Node == "node-0").Select(r => r.Id));
    }
}
