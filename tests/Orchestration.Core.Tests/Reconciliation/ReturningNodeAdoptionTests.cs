using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orchestration.Events;
using Orchestration.InMemory;
using Orchestration.Runtime;
using Orchestration.Tests.Support;

namespace Orchestration.Tests.Reconciliation;

/// <summary>An engine restarted with live-restore after its node was declared lost: its containers kept running, and
/// the replacements had nowhere else to go.</summary>
public sealed class ReturningNodeAdoptionTests
{
    [Fact]
    public async Task Containers_that_survived_on_a_returning_node_are_taken_back_instead_of_replaced()
    {
        await using var fleet = await FleetHarness.StartWithServicesAsync(
            n => n.AddNodes(1),
            o => o.NodeLostGracePeriod = TimeSpan.FromSeconds(5),
            s =>
            {
                s.RemoveAll<IContainerRuntime>();
                s.AddSingleton<IContainerRuntime>(sp => new LastKnownListingRuntime(sp.GetRequiredService<InMemoryRuntime>()));
            },
            FleetHarness.Service("web", 3));
        var before = fleet.Running("web").Select(c => c.Ref.Id).Order().ToList();
        Assert.Equal(3, before.Count);

        fleet.Runtime.LoseNode("node-0");
        await fleet.UntilAsync(_ => fleet.EventsOf<ReplicaRescheduled>().Count == 3, TimeSpan.FromSeconds(30));
        await fleet.AdvanceAsync(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1));
        Assert.Equal(0, fleet["web"].Ready);

        fleet.Runtime.RestoreNode("node-0");
        var status = await fleet.UntilAsync(s => s["web"]!.Ready == 3, TimeSpan.FromSeconds(30));
        await fleet.AdvanceAsync(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1));

        // The same three containers run: none was replaced, none removed, none started beside them.
        Assert.Equal(before, fleet.Running("web").Select(c => c.Ref.Id).Order());
        Assert.Equal(before, fleet.Runtime.Containers.Where(c => c.Labels.GetValueOrDefault(OrchestrationLabels.Workload) == "web").Select(c => c.Ref.Id).Order());
        Assert.Equal(before, status["web"]!.Replicas.Select(r => r.ContainerId!).Order());
        Assert.Equal(3, fleet.EventsOf<ReplicaAdopted>().Count(e => e.Node == "node-0"));
        Assert.DoesNotContain(fleet.EventsOf<ReplicaRemoved>(), e => e.Workload == "web");
    }
}
