using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Benchmarks.Docker;
using Orchestration.Services;

namespace Orchestration.Benchmarks.Autoscaling;

/// <summary>The autoscaler on the real engine. <c>scale_up_s</c>: a busybox httpd service whose CGI handler burns CPU
/// per request, autoscaled on CPU (target 50 % of a 100m request, sync every second), gets a steady 5 requests per
/// second; the seconds from the first request to the first added replica ready. <c>cold_first_response_ms</c>: a
/// busybox httpd service with minimum 0 that scaled to zero after 2 s idle; the time from opening a connection to its
/// service address to the end of the first response, measured <see cref="ColdRuns"/> times (median printed, each
/// listed), with the median time to each step on the way (<c>cold_scaled_ms</c>: the autoscaler scaled it from zero;
/// <c>cold_placed_ms</c>: its replica was placed; <c>cold_running_ms</c>: its container runs, after the engine's create
/// and start; <c>cold_ready_ms</c>: its readiness probe passed). Each run's steps go to standard error.</summary>
internal static class AutoscaleBenchmark
{
    private const int ColdRuns = 5;

    public static async Task<int> RunAsync()
    {
        var scaleUp = await ScaleUpAsync();
        var runs = await ColdStartsAsync();
        var cold = runs.Select(r => r.Response).ToList();
        var sorted = cold.Order().ToList();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"bench autoscale scale_up_s={scaleUp:0.0} cold_first_response_ms={sorted[sorted.Count / 2]:0} cold_min_ms={sorted[0]:0} cold_max_ms={sorted[^1]:0} cold_runs={string.Join('/', cold.Select(c => c.ToString("0", CultureInfo.InvariantCulture)))} "
            + $"cold_scaled_ms={Median(runs, r => r.Scaled):0} cold_placed_ms={Median(runs, r => r.Placed):0} cold_running_ms={Median(runs, r => r.Running):0} cold_ready_ms={Median(runs, r => r.Ready):0}"));
        return 0;
    }

    private static async Task<double> ScaleUpAsync()
    {
        var spec = new WorkloadBuilder("burn")
            .Image(BenchFleet.Image)
            .Command("sh", "-c",
                "trap 'exit 0' TERM INT; mkdir -p /www/cgi-bin; "
                + "printf '#!/bin/sh\\ni=0; while [ $i -lt 20000 ]; do i=$((i+1)); done\\nprintf \"Content-Type: text/plain\\\\r\\\\n\\\\r\\\\nburnt\\\\n\"\\n' > /www/cgi-bin/burn; "
                + "chmod +x /www/cgi-bin/burn; httpd -f -p 8080 -h /www & wait $!")
            .Port("http", 8080)
            .Requests(cpu: "100m")
            .Readiness(Probe.Tcp("http") with { Period = TimeSpan.FromMilliseconds(200) })
            .StopGracePeriod(TimeSpan.FromSeconds(1))
            .Autoscale(1, 4, a => a.Cpu(50).SyncPeriod(TimeSpan.FromSeconds(1)))
            .Build();
        using var host = BenchFleet.BuildHost($"bas{Guid.NewGuid():N}"[..12], spec, o => o.DeleteFleetOnStop = true);
        try
        {
            await host.StartAsync();
            var orchestrator = host.Services.GetRequiredService<IOrchestrator>();
            await orchestrator.WaitForAsync(s => BenchFleet.AllReady(s, "burn", 1), TimeSpan.FromMinutes(2));
            var address = host.Services.GetRequiredService<IServiceAddresses>().GetServiceAddress("burn", "http").Address;
            using var stop = new CancellationTokenSource();
            var watch = Stopwatch.StartNew();
            var load = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var next = Task.Delay(200);
                    _ = Task.Run(() => GetAsync(address.Host, address.Port, "/cgi-bin/burn"));
                    await next;
                }
            });
            await orchestrator.WaitForAsync(s => s["burn"]!.Ready >= 2, TimeSpan.FromMinutes(3));
            var seconds = watch.Elapsed.TotalSeconds;
            await stop.CancelAsync();
            await load;
            return seconds;
        }
        finally
        {
            await BenchFleet.StopAsync(host);
        }
    }

    private static double Median(List<ColdRun> runs, Func<ColdRun, double> step)
    {
        var values = runs.Select(step).Where(v => !double.IsNaN(v)).Order().ToList();
        return values.Count == 0 ? double.NaN : values[values.Count / 2];
    }

    private static async Task<List<ColdRun>> ColdStartsAsync()
    {
        var spec = new WorkloadBuilder("cold")
            .Image(BenchFleet.Image)
            .Port("http", 8080)
            .Readiness(Probe.Tcp("http") with { Period = TimeSpan.FromMilliseconds(100) })
            .StopGracePeriod(TimeSpan.FromSeconds(1))
            .Autoscale(0, 1, a => a.ScaleToZeroAfter(TimeSpan.FromSeconds(2)).SyncPeriod(TimeSpan.FromMilliseconds(500)))
            .Build();
        using var host = BenchFleet.BuildHost($"bac{Guid.NewGuid():N}"[..12], spec, o => o.DeleteFleetOnStop = true);
        var results = new List<ColdRun>();
        var timeline = new ColdStartTimeline("cold");
        try
        {
            await host.StartAsync();
            var orchestrator = host.Services.GetRequiredService<IOrchestrator>();
            using var subscription = orchestrator.Events.Subscribe(timeline);
            var address = host.Services.GetRequiredService<IServiceAddresses>().GetServiceAddress("cold", "http").Address;
            for (var run = 0; run < ColdRuns; run++)
            {
                await orchestrator.WaitForAsync(s => s["cold"] is { Desired: 0, Replicas.IsEmpty: true }, TimeSpan.FromMinutes(2));
                timeline.Clear();
                var opened = DateTimeOffset.UtcNow;
                var watch = Stopwatch.StartNew();
                var response = await GetAsync(address.Host, address.Port, "/");
                if (!response.Contains(" 200 OK", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("The first request to the service at zero failed: " + response);
                }

                var cold = new ColdRun(watch.Elapsed.TotalMilliseconds, timeline.Since(opened, "scaled"), timeline.Since(opened, "placed"), timeline.Since(opened, "running"), timeline.Since(opened, "ready"));
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold run {cold.Response:0} ms: scaled {cold.Scaled:0}, placed {cold.Placed:0}, running {cold.Running:0}, ready {cold.Ready:0}"));
                results.Add(cold);
            }

            return results;
        }
        finally
        {
            await BenchFleet.StopAsync(host);
        }
    }

    private static async Task<string> GetAsync(string host, int port, string path)
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            using var client = new TcpClient { NoDelay = true };
            await client.ConnectAsync(host, port, cts.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.0\r\nHost: bench\r\n\r\n"), cts.Token);
            using var reader = new StreamReader(stream, Encoding.ASCII);
            return await reader.ReadToEndAsync(cts.Token);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            return e.Message;
        }
    }
}
