using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Orchestration.Runtime;
using Orchestration.Scheduling;

namespace Orchestration.Benchmarks;

/// <summary>Places 100,000 replicas on 5,000 simulated nodes three ways: default plugins (100 workloads of 1,000),
/// required anti-affinity (2,000 workloads of 50, each at most one replica per node), and a hard spread
/// (100 workloads of 1,000 with MaxSkew 1). Prints placements per second and bytes allocated per placement.</summary>
internal static class SchedulerBenchmark
{
    private const int Nodes = 5_000;
    private const int Replicas = 100_000;

    public static int Run()
    {
        Measure(Workloads(10, _ => { }), 2_000, nodes: 500);
        var results = new List<string>();
        foreach (var (name, specs) in new (string, WorkloadSpec[])[]
        {
            ("default", Workloads(100, _ => { })),
            ("anti_affinity", Workloads(2_000, b => b.AntiAffinity(b.Name))),
            ("spread", Workloads(100, b => b.Placement(PlacementStrategy.Spread, maxSkew: 1))),
        })
        {
            var (perSecond, bytes, unplaced) = Measure(specs, Replicas, Nodes);
            results.Add(string.Create(CultureInfo.InvariantCulture, $"{name}_placements_per_sec={perSecond:0} {name}_alloc_bytes_per_placement={bytes:0.0} {name}_unplaced={unplaced}"));
        }

        Console.WriteLine($"bench scheduler nodes={Nodes} replicas={Replicas} nodes_to_score={OrchestrationDefaults.NodesToScore} {string.Join(' ', results)}");
        return 0;
    }

    private static WorkloadSpec[] Workloads(int count, Action<WorkloadBuilder> configure)
        => [.. Enumerable.Range(0, count).Select(i =>
        {
            var b = new WorkloadBuilder($"w{i}").Image("app:1").Requests(cpu: "100m", memory: "128Mi");
            configure(b);
            return b.Build();
        })];

    private static (double PerSecond, double BytesPerPlacement, int Unplaced) Measure(WorkloadSpec[] specs, int replicas, int nodes)
    {
        var cache = new SchedulingCache();
        for (var i = 0; i < nodes; i++)
        {
            cache.Upsert(new NodeInfo { Name = $"node-{i}", CpuMillicores = 8_000, MemoryBytes = 32L << 30 });
        }

        var scheduler = new Scheduler(cache, [], [], Options.Create(new OrchestrationOptions()));
        var perWorkload = replicas / specs.Length;
        var ids = Enumerable.Range(0, perWorkload).Select(i => $"r{i}").ToArray();
        foreach (var spec in specs.Where(s => s.Placement.MaxSkew is not null))
        {
            lock (cache.Gate)
            {
                cache.MinCountLocked(spec);
            }
        }

        GC.Collect();
        var unplaced = 0;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var r = 0; r < perWorkload; r++)
        {
            foreach (var spec in specs)
            {
                if (!scheduler.Schedule(new PlacementRequest(spec, ids[r])).Placed)
                {
                    unplaced++;
                }
            }
        }

        clock.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var total = perWorkload * specs.Length;
        return (total / clock.Elapsed.TotalSeconds, (double)allocated / total, unplaced);
    }
}
