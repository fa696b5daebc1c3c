using System.Globalization;
using Orchestration.Events;
using Orchestration.InMemory;
using Orchestration.Runtime;
using Orchestration.Tests.Support;

namespace Orchestration.Tests.Reconciliation;

/// <summary>Property-style: whatever random faults hit a fleet of every kind (crashes, lost and restored nodes, failed
/// starts, scaling), an invariant per kind holds. Sampled after every step and every settle, and at every replica
/// start: a stateful set never has two live containers of one ordinal nor one volume in two containers; a daemon set
/// never has two replicas on one node; a Forbid cron job never has two runs at once. Once the faults stop and the loop
/// converges, no service or stateful set runs more replicas than desired (and, with capacity to spare, exactly as
/// many).</summary>
public sealed class FaultSequenceTests
{
    private const int Nodes = 4;

    [Fact]
    public async Task Random_fault_sequences_keep_every_kinds_invariant()
    {
        const int sequences = 1000;
        for (var seed = 0; seed < sequences; seed++)
        {
            try
            {
                await RunSequenceAsync(seed);
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException($"seed {seed}: {e.Message}", e);
            }
        }
    }

    private static async Task RunSequenceAsync(int seed)
    {
        var random = new Random(seed);
        var desired = new Dictionary<string, int> { ["a"] = random.Next(0, 5), ["b"] = random.Next(0, 4), ["s"] = random.Next(0, 4) };
        var management = random.Next(2) == 0 ? PodManagementPolicy.OrderedReady : PodManagementPolicy.Parallel;
        await using var fleet = await FleetHarness.StartAsync(
            n => n.AddNodes(Nodes),
            o => o.Workers = 1 + (seed % 3),
            null,
            FleetHarness.Service("a", desired["a"]),
            FleetHarness.Service("b", desired["b"], b => b.AntiAffinity("b")),
            new WorkloadBuilder("s").Image("db:1").StatefulSet(desired["s"], management).VolumeTemplate("data", "/data").Build(),
            new WorkloadBuilder("d").Image("agent:1").DaemonSet().Build(),
            new WorkloadBuilder("c").Image("report:1").CronJob("*/5 * * * * *").CronPolicy(ConcurrencyPolicy.Forbid).Build());
        fleet.Runtime.SetImageBehavior("report:1", new ImageBehavior(TimeSpan.FromSeconds(random.Next(1, 12))));
        var invariants = new Invariants(fleet, seed);
        using var sampling = fleet.Orchestrator.Events.Subscribe(e =>
        {
            if (e is ReplicaStarted or CronJobRunStarted or ReplicaAdopted)
            {
                invariants.Check();
            }
        });
        var nodes = Enumerable.Range(0, Nodes).Select(i => $"node-{i}").ToArray();
        var steps = random.Next(3, 9);
        for (var step = 0; step < steps; step++)
        {
            switch (random.Next(7))
            {
                case 0:
                    fleet.Runtime.CrashReplica(new[] { "a", "b", "s", "d" }[random.Next(4)], random.Next(1, 140));
                    break;
                case 1:
                    fleet.Runtime.LoseNode(nodes[random.Next(nodes.Length)]);
                    break;
                case 2:
                    fleet.Runtime.RestoreNode(nodes[random.Next(nodes.Length)]);
                    break;
                case 3:
                    var workload = new[] { "a", "b", "s" }[random.Next(3)];
                    desired[workload] = random.Next(0, 6);
                    await fleet.Orchestrator.ScaleAsync(workload, desired[workload]);
                    break;
                case 4:
                    fleet.Runtime.FailNextStarts(random.Next(1, 3));
                    break;
                default:
                    var running = fleet.Runtime.Containers.Where(c => c.State == ContainerState.Running).ToList();
                    if (running.Count > 0)
                    {
                        fleet.Runtime.CrashContainer(running[random.Next(running.Count)].Ref.Id, 137);
                    }

                    break;
            }

            await fleet.AdvanceAsync(TimeSpan.FromSeconds(random.Next(0, 15)), TimeSpan.FromSeconds(1));
            invariants.Check();
        }

        foreach (var node in nodes)
        {
            fleet.Runtime.RestoreNode(node);
        }

        fleet.Runtime.FailNextStarts(0);
        var expectedB = Math.Min(desired["b"], nodes.Length);
        await fleet.UntilAsync(
            s =>
            {
                invariants.Check();
                return s["a"]!.Ready == desired["a"] && s["a"]!.Replicas.Length == desired["a"]
                       && s["b"]!.Ready == expectedB && s["b"]!.Replicas.Count(r => r.Node is not null) == expectedB
                       && s["s"]!.Ready == desired["s"] && s["s"]!.Replicas.Length == desired["s"]
                       && s["d"]!.Ready == Nodes
                       && fleet.Running("a").Count == desired["a"] && fleet.Running("b").Count == expectedB
                       && fleet.Running("s").Count == desired["s"] && fleet.Running("d").Count == Nodes
                       // Converged includes the ended containers that are removed in the background.
                       && Count(fleet, "a", "b", "s", "d") == desired["a"] + expectedB + desired["s"] + Nodes;
            },
            TimeSpan.FromMinutes(5),
            TimeSpan.FromSeconds(5));

        Assert.True(fleet.Running("a").Count <= desired["a"], $"seed {seed}: a runs more than desired");
        Assert.True(fleet.Running("b").Count <= desired["b"], $"seed {seed}: b runs more than desired");
        Assert.Equal(fleet.Running("b").Count, fleet.Running("b").Select(c => c.Ref.Node).Distinct().Count());
        Assert.Equal(
            Enumerable.Range(0, desired["s"]).Select(i => i.ToString(CultureInfo.InvariantCulture)),
            fleet.Running("s").Select(c => c.Label(OrchestrationLabels.Replica)!).Order(StringComparer.Ordinal));
        invariants.Check();
    }

    private static int Count(FleetHarness fleet, params string[] workloads)
        => fleet.Runtime.Containers.Count(c => workloads.Contains(c.Label(OrchestrationLabels.Workload)));

    /// <summary>The per-kind invariants, checked against the runtime's containers at any moment.</summary>
    private sealed class Invariants(FleetHarness fleet, int seed)
    {
        private int _cronActive;
        private int _cronEvents;

        public void Check()
        {
            var containers = fleet.Runtime.Containers;
            var live = containers.Where(c => c.State is ContainerState.Running or ContainerState.Created).ToList();

            foreach (var ordinal in live.Where(c => Of(c, "s")).GroupBy(c => c.Label(OrchestrationLabels.Replica)))
            {
                if (ordinal.Count() != 1)
                {
                    Assert.Fail($"seed {seed}: stateful replica s-{ordinal.Key} has {ordinal.Count()} live containers ({Describe(ordinal)}); {Trace("s")}");
                }
            }

            foreach (var (node, volume) in fleet.Runtime.Volumes)
            {
                var users = fleet.Runtime.MountedBy(node, volume);
                Assert.True(users.Count <= 1, $"seed {seed}: volume {volume} on {node} is mounted by {users.Count} containers");
            }

            foreach (var node in live.Where(c => Of(c, "d")).GroupBy(c => c.Ref.Node))
            {
                if (node.Count() != 1)
                {
                    Assert.Fail($"seed {seed}: daemon set d has {node.Count()} replicas on {node.Key} ({Describe(node)}); {Trace("d")}");
                }
            }

            var events = fleet.Events;
            lock (this)
            {
                for (; _cronEvents < events.Count; _cronEvents++)
                {
                    _cronActive += events[_cronEvents] switch { CronJobRunStarted => 1, CronJobRunFinished => -1, _ => 0 };
                    Assert.True(_cronActive <= 1, $"seed {seed}: the Forbid cron job has {_cronActive} runs at once");
                }
            }
        }

        private static bool Of(ContainerInfo c, string workload) => c.Label(OrchestrationLabels.Workload) == workload;

        private static string Describe(IEnumerable<ContainerInfo> containers)
            => string.Join(", ", containers.Select(c => $"{c.Ref.Id} replica {c.Label(OrchestrationLabels.Replica)} on {c.Ref.Node} {c.State}"));

        /// <summary>What the fleet did to <paramref name="workload"/> and its nodes, for a failure's message.</summary>
        private string Trace(string workload)
            => "events: " + string.Join(" | ", fleet.Events
                .Where(e => e is NodeStateChanged || e.Message.Contains($"'{workload}", StringComparison.Ordinal) || e.Message.Contains($" {workload}-", StringComparison.Ordinal) || e.Message.Contains($"{workload}/", StringComparison.Ordinal))
                .TakeLast(60)
                .Select(e => $"{e.Time:mm:ss.fff} {e.GetType().Name}: {e.Message}"));
    }
}
