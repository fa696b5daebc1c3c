using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestration.InMemory;

namespace Orchestration.Benchmarks;

/// <summary>Reconciles 10,000 replicas (10 services of 1,000) on 1,000 simulated nodes from empty to all running,
/// then loses 10% of the nodes and converges again (grace period zero, so the time is the control loop's own).</summary>
internal static class ConvergeBenchmark
{
    private const int Nodes = 1_000;
    private const int Workloads = 10;
    private const int ReplicasPerWorkload = 1_000;

    public static async Task<int> RunAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var builder = services.AddOrchestration(o =>
        {
            o.FleetName = "bench";
            o.NodeLostGracePeriod = TimeSpan.Zero;
        }).UseInMemoryRuntime(o => o.AddNodes(Nodes));
        for (var i = 0; i < Workloads; i++)
        {
            builder.AddWorkload($"svc{i}", w => w.Image("app:1").Replicas(ReplicasPerWorkload).Requests(cpu: "100m", memory: "64Mi").Port("http", 8080));
        }

        await using var provider = services.BuildServiceProvider();
        var orchestrator = provider.GetRequiredService<IOrchestrator>();
        var runtime = provider.GetRequiredService<InMemoryRuntime>();
        var hosted = provider.GetServices<IHostedService>().ToList();

        var clock = Stopwatch.StartNew();
        foreach (var h in hosted)
        {
            await h.StartAsync(CancellationToken.None);
        }

        await orchestrator.WaitForAsync(AllRunning, TimeSpan.FromMinutes(10));
        var initial = clock.Elapsed.TotalSeconds;

        clock.Restart();
        for (var i = 0; i < Nodes / 10; i++)
        {
            runtime.LoseNode($"node-{i}");
        }

        await orchestrator.WaitForAsync(s => AllRunning(s) && s.Workloads.All(w => w.Replicas.All(r => !IsLost(r.Node))), TimeSpan.FromMinutes(10));
        var recovery = clock.Elapsed.TotalSeconds;
        var running = runtime.Containers.Count(c => c.State == Runtime.ContainerState.Running && !IsLost(c.Ref.Node));

        foreach (var h in hosted)
        {
            await h.StopAsync(CancellationToken.None);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench converge nodes={Nodes} replicas={Workloads * ReplicasPerWorkload} initial_seconds={initial:0.000} lost_nodes={Nodes / 10} reconverge_seconds={recovery:0.000} running={running}"));
        return 0;
    }

    private static bool AllRunning(FleetStatus status)
        => status.Workloads.All(w => w.Ready == w.Desired && w.Replicas.Length == w.Desired);

    private static bool IsLost(string? node)
        => node is not null && int.Parse(node.AsSpan(5), CultureInfo.InvariantCulture) < Nodes / 10;
}
