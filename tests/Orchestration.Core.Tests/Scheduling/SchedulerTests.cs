using Microsoft.Extensions.DependencyInjection;
using Orchestration.Runtime;
using Orchestration.Scheduling;
using Orchestration.Tests.Support;

namespace Orchestration.Tests.Scheduling;

public sealed class SchedulerTests
{
    private static WorkloadSpec Spec(string name, Action<WorkloadBuilder>? configure = null)
    {
        var b = new WorkloadBuilder(name).Image("app:1");
        configure?.Invoke(b);
        return b.Build();
    }

    [Fact]
    public void Spread_keeps_per_node_counts_within_one_of_each_other()
    {
        var f = new SchedulerFixture(7);
        var spec = Spec("web", b => b.Requests(cpu: "100m", memory: "64Mi"));
        for (var i = 1; i <= 40; i++)
        {
            Assert.True(f.Scheduler.Schedule(new PlacementRequest(spec, $"r{i}")).Placed);
            var counts = f.CountsOf("web").Values;
            Assert.True(counts.Max() - counts.Min() <= 1, $"after {i} placements: {string.Join(",", counts)}");
        }
    }

    [Fact]
    public void MaxSkew_holds_on_a_cluster_larger_than_the_sample()
    {
        var f = new SchedulerFixture(300, nodesToScore: 16);
        var spec = Spec("web", b => b.Placement(PlacementStrategy.Spread, maxSkew: 1));
        foreach (var result in f.PlaceMany(spec, 1000))
        {
            Assert.True(result.Placed);
        }

        var counts = f.CountsOf("web").Values;
        Assert.True(counts.Max() - counts.Min() <= 1);
    }

    [Fact]
    public void Required_anti_affinity_is_never_violated()
    {
        var random = new Random(7);
        var f = new SchedulerFixture(50, nodesToScore: 8);
        var specs = Enumerable.Range(0, 20).Select(i => Spec($"w{i}", b => b.AntiAffinity($"w{i}").AntiAffinity($"w{(i + 1) % 20}"))).ToArray();
        var placed = 0;
        for (var i = 0; i < 800; i++)
        {
            var spec = specs[random.Next(specs.Length)];
            var result = f.Scheduler.Schedule(new PlacementRequest(spec, $"r{i}"));
            if (result.Placed)
            {
                placed++;
            }
            else
            {
                Assert.StartsWith("0/50 nodes fit: 50 rejected by RequiredAntiAffinity", result.Reason);
            }
        }

        Assert.True(placed > 400);
        foreach (var node in f.Cache.Nodes)
        {
            for (var w = 0; w < 20; w++)
            {
                Assert.True(node.CountOf($"w{w}") <= 1);
                Assert.False(node.CountOf($"w{w}") > 0 && node.CountOf($"w{(w + 1) % 20}") > 0, $"{node.Name} holds w{w} and w{(w + 1) % 20}");
            }
        }
    }

    [Fact]
    public void Bin_pack_fills_one_node_before_the_next()
    {
        var f = new SchedulerFixture(4);
        var spec = Spec("batch", b => b.Requests(cpu: "1").Placement(PlacementStrategy.BinPack));
        f.PlaceMany(spec, 6);
        Assert.Equal([0, 0, 2, 4], f.CountsOf("batch").Values.Order());
    }

    [Fact]
    public void Concurrent_placements_never_overbook_a_node()
    {
        var f = new SchedulerFixture(10, cpu: 1000, memory: 1L << 30);
        var spec = Spec("web", b => b.Requests(cpu: "300m", memory: "100Mi"));
        var results = new ScheduleResult[100];
        Parallel.For(0, results.Length, i => results[i] = f.Scheduler.Schedule(new PlacementRequest(spec, $"r{i}")));
        Assert.Equal(30, results.Count(r => r.Placed));
        Assert.All(f.Cache.Nodes, n => Assert.True(n.CpuRequested <= n.CpuCapacity));
        Assert.All(results.Where(r => !r.Placed), r => Assert.Equal("0/10 nodes fit: 10 rejected by ResourcesFit", r.Reason));
    }

    [Fact]
    public void Taints_repel_and_tolerations_admit()
    {
        var f = new SchedulerFixture(0);
        f.Cache.Upsert(new NodeInfo { Name = "gpu", Taints = [new Taint("gpu", "true", TaintEffect.NoSchedule)] });
        f.Cache.Upsert(new NodeInfo { Name = "soft", Taints = [new Taint("old", "", TaintEffect.PreferNoSchedule)] });
        f.Cache.Upsert(new NodeInfo { Name = "down", State = NodeState.NotReady });
        var plain = f.Scheduler.Schedule(new PlacementRequest(Spec("plain"), "p"));
        var tolerant = f.Scheduler.Schedule(new PlacementRequest(Spec("ml", b => b.Tolerate("gpu")), "m"));
        Assert.Equal("soft", plain.Reservation!.Value.Node);
        Assert.Equal("gpu", tolerant.Reservation!.Value.Node);

        var picky = f.Scheduler.Schedule(new PlacementRequest(Spec("picky", b => b.NodeSelector("zone", "a")), "x"));
        Assert.Equal("0/3 nodes fit: 1 rejected by NodeReady, 2 rejected by NodeSelector", picky.Reason);
    }

    [Fact]
    public void Released_capacity_can_be_reserved_again()
    {
        var f = new SchedulerFixture(1, cpu: 1000);
        var spec = Spec("web", b => b.Requests(cpu: "1"));
        var first = f.Scheduler.Schedule(new PlacementRequest(spec, "a"));
        Assert.False(f.Scheduler.Schedule(new PlacementRequest(spec, "b")).Placed);
        f.Cache.Release(first.Reservation!.Value);
        Assert.True(f.Scheduler.Schedule(new PlacementRequest(spec, "b")).Placed);
    }

    [Fact]
    public void The_search_start_rotates_so_equal_nodes_take_turns()
    {
        var f = new SchedulerFixture(10, nodesToScore: 1);
        var spec = Spec("web");
        var nodes = f.PlaceMany(spec, 10).Select(r => r.Reservation!.Value.Node).ToHashSet();
        Assert.Equal(10, nodes.Count);
    }

    [Fact]
    public async Task A_registered_filter_plugin_is_honoured()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOrchestration().AddSchedulerPlugin<OddNodesOnly>();
        await using var sp = services.BuildServiceProvider();
        var cache = sp.GetRequiredService<SchedulingCache>();
        for (var i = 0; i < 4; i++)
        {
            cache.Upsert(new NodeInfo { Name = $"n{i}" });
        }

        var scheduler = sp.GetRequiredService<Scheduler>();
        Assert.Contains("OddNodesOnly", scheduler.FilterNames);
        var spec = Spec("web");
        for (var i = 0; i < 8; i++)
        {
            var node = scheduler.Schedule(new PlacementRequest(spec, $"r{i}")).Reservation!.Value.Node;
            Assert.True(node is "n1" or "n3", node);
        }
    }

    [Fact]
    public async Task Required_anti_affinity_holds_end_to_end()
    {
        var spec = FleetHarness.Service("db", 4, b => b.AntiAffinity("db"));
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(3), spec);
        Assert.Equal(3, fleet["db"].Ready);
        Assert.Equal(3, fleet.Running("db").Select(c => c.Ref.Node).Distinct().Count());
        var pending = Assert.Single(fleet["db"].Replicas, r => r.Phase == ReplicaPhase.Pending);
        Assert.Equal("0/3 nodes fit: 3 rejected by RequiredAntiAffinity", pending.Reason);
    }

    private sealed class OddNodesOnly : IFilterPlugin
    {
        public string Name => "OddNodesOnly";

        public bool Filter(in PlacementRequest request, ISchedulerNode node) => node.Name[^1] is '1' or '3';
    }
}
