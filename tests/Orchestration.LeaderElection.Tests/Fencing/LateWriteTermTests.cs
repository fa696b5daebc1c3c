using System.Globalization;
using Docker.DotNet.Models;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.LeaderElection.Fencing;
using Orchestration.LeaderElection.Tests.Infrastructure;
using Orchestration.Runtime;
using Orchestration.TestSupport;

namespace Orchestration.LeaderElection.Tests.Fencing;

/// <summary>A deposed leader's late write is undone because of its term, and for no other reason.</summary>
public sealed class LateWriteTermTests
{
    /// <summary>The workload's replicas can be placed on no node (a node selector nothing matches), so the leader
    /// never starts one itself, but it adopts a running container of the right workload, revision and a replica id of
    /// its own, as it does after a restart, and keeps it as one of its desired replicas. Two such containers appear
    /// after the new term began, identical but for their term label: the one of the deposed leader's term is removed
    /// and reported with that term; the one of the current term is adopted and kept. Only the term check tells them
    /// apart: with the sweep turned off, both are kept as the workload's two replicas.</summary>
    [Fact]
    public async Task Of_two_identical_containers_that_appear_after_a_hand_over_only_the_one_of_the_old_term_is_removed()
    {
        var fleet = LeaseServers.UniqueFleet("term");
        await using var engine = new FleetOnEngine(fleet);
        var web = new FleetBuilder(fleet).AddWorkload("web", w => w
            .Image("orchestration/busybox:1").PullPolicy(PullPolicy.Never).Replicas(2).Port("http", 8080)
            .NodeSelector("orchestration-test-zone", "nowhere")).Build().Workloads;
        await using var first = await ElectedHosts.StartAsync(fleet, web, LeaseServers.Redis);
        var deposedTerm = first.Election().Leader!.Term;
        Assert.True(first.Election().IsLeader);
        await using var second = await ElectedHosts.StartAsync(fleet, web, LeaseServers.Redis);
        Assert.False(second.Election().IsLeader);

        // A graceful hand-over: the second instance begins a newer term and records what exists at its start.
        await first.DisposeAsync();
        await second.WaitForEventAsync<LeadershipChanged>(e => e.IsLeader);
        var term = second.Election().Leader!.Term;
        Assert.True(term > deposedTerm, $"term {term} after {deposedTerm}");
        var sweeper = second.Services.GetRequiredService<LateWriteSweeper>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (sweeper.BaselineTerm != term && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(term, sweeper.BaselineTerm);
        var revision = second.Orchestrator.DesiredState!.Find("web")!.Revision;
        var stale = await CreateAsync(engine, fleet, "late-stale", revision, deposedTerm);
        var current = await CreateAsync(engine, fleet, "late-current", revision, term);

        var undone = await second.WaitForEventAsync<LateWriteUndone>(e => e.ContainerId == stale, 30);
        Assert.Equal(deposedTerm, undone.ContainerTerm);
        Assert.Equal(term, undone.Term);
        Assert.Equal("web", undone.Workload);
        Assert.Contains($"term {deposedTerm}", undone.Message, StringComparison.Ordinal);
        await engine.WaitUntilAsync(all => all.All(c => c.ID != stale), 30, runningOnly: false);

        // The same container in the current term is one of the leader's replicas, and stays.
        await second.WaitForAsync(s => s["web"]!.Replicas.Any(r => r.ContainerId == current && r.Phase == ReplicaPhase.Running && r.Id == "late-current"));
        await Task.Delay(ElectedHosts.Retry * 4);
        Assert.Contains((await engine.ContainersAsync(runningOnly: true)), c => c.ID == current);
        Assert.DoesNotContain(second.Events.OfType<LateWriteUndone>(), e => e.ContainerId == current);
    }

    private static async Task<string> CreateAsync(FleetOnEngine engine, string fleet, string replica, string revision, long term)
    {
        var created = await engine.Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = $"{fleet}-web-{replica}-1",
            Image = "orchestration/busybox:1",
            Labels = new Dictionary<string, string>
            {
                [OrchestrationLabels.Fleet] = fleet,
                [OrchestrationLabels.Workload] = "web",
                [OrchestrationLabels.Replica] = replica,
                [OrchestrationLabels.Revision] = revision,
                [OrchestrationLabels.Owner] = "deposed",
                [OrchestrationLabels.Attempt] = "1",
                [OrchestrationLabels.Term] = term.ToString(CultureInfo.InvariantCulture),
            },
        });
        await engine.Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
        return created.ID;
    }
}
