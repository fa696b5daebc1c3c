using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestration.InMemory;
using Orchestration.Runtime;

namespace Orchestration.Benchmarks.Converge;

/// <summary>One converge run: <see cref="Workloads"/> workloads shaped by <see cref="Shape"/> with
/// <see cref="ReplicasPerWorkload"/> replicas each on <see cref="Nodes"/> simulated nodes, reconciled from empty to all
/// ready; then the first <see cref="LostNodes"/> nodes are lost (grace period zero, so the time is the control loop's
/// own) and the run lasts until every replica is ready again and none is on a lost node.</summary>
internal sealed record ConvergeScenario(string Name, int Nodes, int Workloads, int ReplicasPerWorkload, int LostNodes, Action<WorkloadBuilder> Shape)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    /// <summary>Services of <paramref name="replicasPerWorkload"/> replicas with requests and a port.</summary>
    public static ConvergeScenario Services(string name, int nodes, int workloads, int replicasPerWorkload, int lostNodes)
        => new(name, nodes, workloads, replicasPerWorkload, lostNodes, w => w.Image("app:1").Requests(cpu: "100m", memory: "64Mi").Port("http", 8080));

    /// <summary>Stateful sets (Parallel pod management) with one volume per replica. No node is lost: a stateful
    /// replica waits for its node instead of moving, so only the initial convergence is measured.</summary>
    public static ConvergeScenario StatefulSets(string name, int nodes, int workloads, int replicasPerWorkload)
        => new(name, nodes, workloads, replicasPerWorkload, 0, w => w.Image("db:1").StatefulSet(podManagement: PodManagementPolicy.Parallel).VolumeTemplate("data", "/data").Requests(cpu: "100m", memory: "64Mi").Port("db", 5432));

    public async Task<ConvergeResult> RunAsync()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var services = new ServiceCollection();
        services.AddLogging();
        var builder = services.AddOrchestration(o =>
        {
            o.FleetName = $"bench-{Name}";
            o.NodeLostGracePeriod = TimeSpan.Zero;
        }).UseInMemoryRuntime(o => o.AddNodes(Nodes));
        for (var i = 0; i < Workloads; i++)
        {
            builder.AddWorkload($"svc{i}", w =>
            {
                Shape(w);
                w.Replicas(ReplicasPerWorkload);
            });
        }

        using var reconciles = new ReconcileCounter();
        using var heap = new HeapPeakSampler();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var checks = 0;
        var checkTime = new Stopwatch();
        await using var provider = services.BuildServiceProvider();
        var orchestrator = provider.GetRequiredService<IOrchestrator>();
        var runtime = provider.GetRequiredService<InMemoryRuntime>();
        var hosted = provider.GetServices<IHostedService>().ToList();
        var lost = runtime.Nodes.Take(LostNodes).Select(n => n.Name).ToHashSet(StringComparer.Ordinal);

        // The condition is cheap on purpose: counts per workload first; the replica scan only once they add up.
        bool Converged(FleetStatus status, bool afterLoss)
        {
            checks++;
            checkTime.Start();
            var done = status.Workloads.All(w => w.Ready == w.Desired && w.Replicas.Length == w.Desired)
                && (!afterLoss || status.Workloads.All(w => w.Replicas.All(r => r.Node is null || !lost.Contains(r.Node))));
            checkTime.Stop();
            return done;
        }

        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var h in hosted)
        {
            await h.StartAsync(CancellationToken.None);
        }

        await orchestrator.WaitForAsync(s => Converged(s, afterLoss: false), Timeout);
        var initial = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var initialCpu = (process.TotalProcessorTime - cpu).TotalSeconds;
        cpu = process.TotalProcessorTime;
        var initialReconciles = reconciles.Count;
        var initialChecks = checks;

        clock.Restart();
        foreach (var node in lost)
        {
            runtime.LoseNode(node);
        }

        await orchestrator.WaitForAsync(s => Converged(s, afterLoss: true), Timeout);
        var reconverge = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var reconvergeCpu = (process.TotalProcessorTime - cpu).TotalSeconds;
        var allocatedMb = (GC.GetTotalAllocatedBytes() - allocatedBefore) / 1e6;
        var peakHeapMb = heap.PeakMb;

        // What one status read costs at this size: every check above made one.
        var read = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++)
        {
            _ = orchestrator.GetStatus();
        }

        var statusReadSeconds = read.Elapsed.TotalSeconds / 10;
        var running = runtime.Containers.Count(c => c.State == ContainerState.Running && !lost.Contains(c.Ref.Node));
        var perWorkload = reconciles.PerWorkload();
        foreach (var h in hosted)
        {
            await h.StopAsync(CancellationToken.None);
        }

        process.Refresh();
        var result = new ConvergeResult
        {
            InitialSeconds = initial,
            ReconvergeSeconds = reconverge,
            InitialCpuSeconds = initialCpu,
            ReconvergeCpuSeconds = reconvergeCpu,
            PeakWorkingSetMb = process.PeakWorkingSet64 / 1e6,
            PeakHeapMb = peakHeapMb,
            AllocatedMb = allocatedMb,
            Reconciles = reconciles.Count,
            InitialReconciles = initialReconciles,
            ReconcileSeconds = reconciles.Seconds,
            MaxReconcilesPerWorkload = perWorkload.Count == 0 ? 0 : perWorkload.Values.Max(),
            StatusChecks = checks,
            InitialStatusChecks = initialChecks,
            StatusCheckSeconds = checkTime.Elapsed.TotalSeconds,
            StatusReadSeconds = statusReadSeconds,
            Running = running,
        };
        Console.Error.WriteLine($"converge {Name}: nodes={Nodes} workloads={Workloads} replicas_per_workload={ReplicasPerWorkload} lost_nodes={LostNodes} {string.Join(' ', result.Fields(Name).Select(f => $"{f.Key}={f.Value}"))}");
        return result;
    }
}
