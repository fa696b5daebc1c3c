using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Orchestration.Benchmarks;

/// <summary>Rolls 10 busybox httpd replicas from v1 to v2 on the real engine (maxSurge 25%, maxUnavailable 0,
/// readiness-gated) while a client sends requests continuously to the endpoints the orchestrator publishes; reports
/// the rollout's duration and the failed requests.</summary>
internal static class RolloutBenchmark
{
    private const int Replicas = 10;

    public static async Task<int> RunAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var fleet = $"bench-rollout-{Guid.NewGuid().ToString("n")[..6]}";
        services.AddOrchestration(o => o.FleetName = fleet).UseDocker().AddWorkload(Web("orchestration/busybox:1", 1));
        await using var provider = services.BuildServiceProvider();
        var orchestrator = provider.GetRequiredService<IOrchestrator>();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var h in hosted)
        {
            await h.StartAsync(CancellationToken.None);
        }

        try
        {
            await orchestrator.WaitForAsync(s => s["web"]!.Phase == WorkloadPhase.Available, TimeSpan.FromMinutes(5));
            using var stop = new CancellationTokenSource();
            var failed = 0;
            var succeeded = 0;
            var client = Task.Run(async () =>
            {
                using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
                var i = 0;
                while (!stop.IsCancellationRequested)
                {
                    var endpoints = orchestrator.GetEndpoints("web", "http");
                    try
                    {
                        using var response = await http.GetAsync(endpoints[i++ % endpoints.Count].ToUri(), stop.Token);
                        _ = response.EnsureSuccessStatusCode();
                        succeeded++;
                    }
                    catch (OperationCanceledException) when (stop.IsCancellationRequested)
                    {
                        return;
                    }
                    catch (Exception)
                    {
                        failed++;
                    }

                    await Task.Delay(5);
                }
            });

            var v2 = Web("orchestration/busybox:2", 2);
            var clock = Stopwatch.StartNew();
            await orchestrator.ApplyAsync(new FleetSpec { Name = fleet, Workloads = [v2] });
            await orchestrator.WaitForAsync(
                s => s["web"]!.Revision == v2.Revision && s["web"]!.Updated == Replicas && s["web"]!.Replicas.Length == Replicas && s["web"]!.Phase == WorkloadPhase.Available,
                TimeSpan.FromMinutes(5));
            var seconds = clock.Elapsed.TotalSeconds;
            await stop.CancelAsync();
            await client;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bench rollout replicas={Replicas} seconds={seconds:0.000} failed_requests={failed} requests={succeeded + failed}"));
            return 0;
        }
        finally
        {
            await orchestrator.DeleteFleetAsync();
            foreach (var h in hosted)
            {
                await h.StopAsync(CancellationToken.None);
            }
        }
    }

    private static WorkloadSpec Web(string image, int version) => new WorkloadBuilder("web")
        .Image(image).Replicas(Replicas).Port("http", 8080)
        .Env("VERSION", version.ToString(CultureInfo.InvariantCulture))
        .Readiness(Probe.Http("/") with { Period = TimeSpan.FromMilliseconds(250) })
        .DrainDelay(TimeSpan.FromSeconds(1))
        .StopGracePeriod(TimeSpan.FromSeconds(2))
        .Build();
}
