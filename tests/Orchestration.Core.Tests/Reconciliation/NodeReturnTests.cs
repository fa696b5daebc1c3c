using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orchestration.Events;
using Orchestration.InMemory;
using Orchestration.Runtime;
using Orchestration.Tests.Support;

namespace Orchestration.Tests.Reconciliation;

/// <summary>A lost node that comes back, when listing keeps reporting its last known containers while it is away (as
/// the Docker adapter does).</summary>
public sealed class NodeReturnTests
{
    [Fact]
    public async Task Containers_of_replicas_given_up_on_a_lost_node_are_removed_when_it_answers_again()
    {
        await using var fleet = await FleetHarness.StartWithServicesAsync(
            n => n.AddNodes(3),
            o =>
            {
                o.NodeLostGracePeriod = TimeSpan.FromSeconds(5);
                o.ResyncInterval = TimeSpan.FromSeconds(1);
            },
            s =>
            {
                s.RemoveAll<IContainerRuntime>();
                s.AddSingleton<IContainerRuntime>(sp => new LastKnownListingRuntime(sp.GetRequiredService<InMemoryRuntime>()));
            },
            FleetHarness.Service("web", 6));
        var onNode0 = fleet["web"].Replicas.Where(r => r.Node == "node-0").Select(r => r.Id).Order().ToList();
        Assert.NotEmpty(onNode0);
        await fleet.AdvanceAsync(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)); // a relist while node-0 answers

        fleet.Runtime.LoseNode("node-0");
        await fleet.UntilAsync(s => s["web"]!.Ready == 6 && s["web"]!.Replicas.All(r => r.Node != "node-0"), TimeSpan.FromSeconds(30));

        // Relists keep reporting node-0's old containers while it is away: they are neither adopted nor replaced again.
        await fleet.AdvanceAsync(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1));
        Assert.Equal(onNode0, fleet.EventsOf<ReplicaRescheduled>().Select(e => e.ReplicaId).Order());
        Assert.Equal(
            [NodeState.NotReady, NodeState.Lost],
            fleet.EventsOf<NodeStateChanged>().Where(e => e.Node == "node-0" && e.State != NodeState.Ready).Select(e => e.State));
        Assert.DoesNotContain(fleet.EventsOf<ReplicaAdopted>(), e => e.Node == "node-0");
        Assert.Equal(6, fleet["web"].Replicas.Count());

        fleet.Runtime.RestoreNode("node-0");
        await fleet.UntilAsync(_ => !fleet.Runtime.Containers.Any(c => c.Ref.Node == "node-0"), TimeSpan.FromSeconds(30));
        var status = await fleet.UntilAsync(s => s["web"]!.Ready == 6, TimeSpan.FromSeconds(30));
        Assert.Equal(6, status["web"]!.Replicas.Count());
        Assert.Equal(6, fleet.Running("web").Count);
        Assert.DoesNotContain(fleet.EventsOf<ReplicaAdopted>(), e => e.Node == "node-0");
    }
}
