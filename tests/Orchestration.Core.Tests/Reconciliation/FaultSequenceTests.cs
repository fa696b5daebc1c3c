using Orchestration.Tests.Support;

namespace Orchestration.Tests.Reconciliation;

/// <summary>Property-style: whatever random faults hit the fleet, once the faults stop and the loop converges,
/// no workload runs more replicas than desired (and, with capacity to spare, exactly as many).</summary>
public sealed class FaultSequenceTests
{
    [Fact]
    public async Task Random_fault_sequences_never_leave_more_replicas_running_than_desired()
    {
        const int sequences = 1000;
        for (var seed = 0; seed < sequences; seed++)
        {
            await RunSequenceAsync(seed);
        }
    }

    private static async Task RunSequenceAsync(int seed)
    {
        var random = new Random(seed);
        var desired = new Dictionary<string, int> { ["a"] = random.Next(0, 5), ["b"] = random.Next(0, 4) };
        await using var fleet = await FleetHarness.StartAsync(
            n => n.AddNodes(4),
            o => o.Workers = 1 + (seed % 3),
            null,
            FleetHarness.Service("a", desired["a"]),
            FleetHarness.Service("b", desired["b"], b => b.AntiAffinity("b")));
        var nodes = Enumerable.Range(0, 4).Select(i => $"node-{i}").ToArray();
        var steps = random.Next(3, 9);
        for (var step = 0; step < steps; step++)
        {
            switch (random.Next(6))
            {
                case 0:
                    fleet.Runtime.CrashReplica(random.Next(2) == 0 ? "a" : "b", random.Next(1, 140));
                    break;
                case 1:
                    fleet.Runtime.LoseNode(nodes[random.Next(nodes.Length)]);
                    break;
                case 2:
                    fleet.Runtime.RestoreNode(nodes[random.Next(nodes.Length)]);
                    break;
                case 3:
                    var workload = random.Next(2) == 0 ? "a" : "b";
                    desired[workload] = random.Next(0, 6);
                    await fleet.Orchestrator.ScaleAsync(workload, desired[workload]);
                    break;
                case 4:
                    fleet.Runtime.FailNextStarts(random.Next(1, 3));
                    break;
                default:
                    var running = fleet.Runtime.Containers.Where(c => c.State == Runtime.ContainerState.Running).ToList();
                    if (running.Count > 0)
                    {
                        fleet.Runtime.CrashContainer(running[random.Next(running.Count)].Ref.Id, 137);
                    }

                    break;
            }

            await fleet.AdvanceAsync(TimeSpan.FromSeconds(random.Next(0, 15)), TimeSpan.FromSeconds(1));
        }

        foreach (var node in nodes)
        {
            fleet.Runtime.RestoreNode(node);
        }

        fleet.Runtime.FailNextStarts(0);
        var expectedB = Math.Min(desired["b"], nodes.Length);
        await fleet.UntilAsync(
            s => s["a"]!.Ready == desired["a"] && s["a"]!.Replicas.Length == desired["a"]
                 && s["b"]!.Ready == expectedB && s["b"]!.Replicas.Count(r => r.Node is not null) == expectedB
                 && fleet.Running("a").Count == desired["a"] && fleet.Running("b").Count == expectedB
                 // Converged includes the ended containers that are removed in the background.
                 && fleet.Runtime.Containers.Count == desired["a"] + expectedB,
            TimeSpan.FromMinutes(5),
            TimeSpan.FromSeconds(5));

        Assert.True(fleet.Running("a").Count <= desired["a"], $"seed {seed}: a runs more than desired");
        Assert.True(fleet.Running("b").Count <= desired["b"], $"seed {seed}: b runs more than desired");
        Assert.Equal(fleet.Running("b").Count, fleet.Running("b").Select(c => c.Ref.Node).Distinct().Count());
        Assert.Equal(desired["a"] + expectedB, fleet.Runtime.Containers.Count);
    }
}
