using Orchestration.Tests.Support;

namespace Orchestration.Tests.Reconciliation;

public sealed class DrainTests
{
    [Theory]
    [InlineData(6, 1)]
    [InlineData(9, 2)]
    public async Task Draining_a_node_moves_its_replicas_with_never_more_than_max_unavailable_missing(int replicas, int maxUnavailable)
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(3), FleetHarness.Service("web", replicas));
        Assert.Contains(fleet["web"].Replicas, r => r.Node == "node-0");
        fleet.Runtime.StartDelay = TimeSpan.FromSeconds(2); // replacements take a while to run

        var drain = fleet.Orchestrator.DrainAsync("node-0", maxUnavailable);
        var limit = fleet.Time.GetUtcNow() + TimeSpan.FromMinutes(2);
        while (!drain.IsCompleted)
        {
            Assert.True(fleet.Time.GetUtcNow() < limit, "The drain did not finish.");
            var web = fleet["web"];
            Assert.True(web.Ready >= replicas - maxUnavailable, $"{web.Ready} of {replicas} ready during the drain");
            fleet.Time.Advance(TimeSpan.FromMilliseconds(100));
            await fleet.SettleAsync();
        }

        await drain;
        var status = await fleet.UntilAsync(s => s["web"]!.Ready == replicas);
        Assert.DoesNotContain(status["web"]!.Replicas, r => r.Node == "node-0");
        Assert.Equal(replicas, fleet.Running("web").Count);
        Assert.DoesNotContain(fleet.Runtime.Containers, c => c.Ref.Node == "node-0");

        // The node stays cordoned: scaling up places nothing there until it is uncordoned.
        await fleet.Orchestrator.ScaleAsync("web", replicas + 3);
        status = await fleet.UntilAsync(s => s["web"]!.Ready == replicas + 3);
        Assert.DoesNotContain(status["web"]!.Replicas, r => r.Node == "node-0");
    }

    [Fact]
    public async Task A_replica_whose_replacement_finds_no_node_stays_and_the_drain_waits()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(2), FleetHarness.Service("web", 2, w => w.AntiAffinity("web")));
        using var stop = new CancellationTokenSource();
        var drain = fleet.Orchestrator.DrainAsync("node-0", cancellationToken: stop.Token);
        await fleet.AdvanceAsync(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1));

        Assert.False(drain.IsCompleted);
        Assert.Equal(2, fleet["web"].Ready);
        Assert.Contains(fleet["web"].Replicas, r => r.Node == "node-0" && r.Ready);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => drain);
    }
}
