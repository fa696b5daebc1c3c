using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Services;

namespace Orchestration.Benchmarks.Docker;

/// <summary>The cost of a service address: one busybox httpd replica, and the same sequential request loop (a new
/// connection per request, as httpd closes each one) sent straight to the replica's published port and through the
/// in-process balancer, alternating in rounds so both see the same machine load. Prints the requests per second of
/// each, their ratio, and how much the balancer adds at the 99th percentile.</summary>
internal static class BalancerBenchmark
{
    private const int Rounds = 6;
    private const int RequestsPerRound = 500;

    public static async Task<int> RunAsync()
    {
        var fleet = $"bbal{Guid.NewGuid():N}"[..12];
        var workload = BenchFleet.Web(1) with { Probes = ProbeSet.None with { Readiness = Probe.Tcp("http") with { Period = TimeSpan.FromMilliseconds(250) } } };
        using var host = BenchFleet.BuildHost(fleet, workload, o => o.DeleteFleetOnStop = true);
        try
        {
            var orchestrator = host.Services.GetRequiredService<IOrchestrator>();
            await host.StartAsync();
            await orchestrator.WaitForAsync(s => BenchFleet.AllReady(s, "web", 1), TimeSpan.FromMinutes(2));
            var direct = orchestrator.GetEndpoints("web", "http")[0].ToUri();
            var balanced = host.Services.GetRequiredService<IServiceAddresses>().GetServiceAddress("web", "http").ToUri();

            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.Zero });
            await LoopAsync(http, direct, 200);
            await LoopAsync(http, balanced, 200);
            var directTimes = new List<double>();
            var balancedTimes = new List<double>();
            double directSeconds = 0, balancedSeconds = 0;
            for (var round = 0; round < Rounds; round++)
            {
                var (d, ds) = await LoopAsync(http, direct, RequestsPerRound);
                var (b, bs) = await LoopAsync(http, balanced, RequestsPerRound);
                directTimes.AddRange(d);
                balancedTimes.AddRange(b);
                directSeconds += ds;
                balancedSeconds += bs;
            }

            var directRps = directTimes.Count / directSeconds;
            var balancedRps = balancedTimes.Count / balancedSeconds;
            var added = Percentile(balancedTimes, 0.99) - Percentile(directTimes, 0.99);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"bench balancer direct_rps={directRps:0} balanced_rps={balancedRps:0} ratio={balancedRps / directRps:0.00} p99_added_ms={added:0.00} direct_p99_ms={Percentile(directTimes, 0.99):0.00} balanced_p99_ms={Percentile(balancedTimes, 0.99):0.00} requests={directTimes.Count}"));
            return 0;
        }
        finally
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await host.StopAsync(stop.Token);
        }
    }

    private static async Task<(List<double> Milliseconds, double Seconds)> LoopAsync(HttpClient http, Uri target, int count)
    {
        var times = new List<double>(count);
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(target);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return (times, total.Elapsed.TotalSeconds);
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
