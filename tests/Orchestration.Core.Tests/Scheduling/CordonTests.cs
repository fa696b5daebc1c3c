using Orchestration.Tests.Support;

namespace Orchestration.Tests.Scheduling;

public sealed class CordonTests
{
    [Fact]
    public async Task A_cordoned_node_takes_no_new_replicas_and_keeps_what_runs_there_until_uncordoned()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(2), FleetHarness.Service("web", 2));
        var before = fleet["web"].Replicas.ToDictionary(r => r.Id, r => r.Node);
        var cordoned = before.Values.First()!;

        await fleet.Orchestrator.CordonAsync(cordoned);
        await fleet.Orchestrator.ScaleAsync("web", 6);
        var scaled = await fleet.UntilAsync(s => s["web"]!.Ready == 6);

        Assert.All(scaled["web"]!.Replicas.Where(r => !before.ContainsKey(r.Id)), r => Assert.NotEqual(cordoned, r.Node));
        Assert.All(before, b => Assert.Equal(b.Value, scaled["web"]!.Replicas.Single(r => r.Id == b.Key).Node));

        await fleet.Orchestrator.UncordonAsync(cordoned);
        await fleet.Orchestrator.ScaleAsync("web", 8);
        var spread = await fleet.UntilAsync(s => s["web"]!.Ready == 8);
        Assert.Contains(spread["web"]!.Replicas.Where(r => !scaled["web"]!.Replicas.Any(o => o.Id == r.Id)), r => r.Node == cordoned);
        await Assert.ThrowsAsync<ArgumentException>(() => fleet.Orchestrator.CordonAsync("no-such-node"));
    }
}
