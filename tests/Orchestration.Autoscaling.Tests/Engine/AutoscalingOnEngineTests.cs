using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Events;
using Orchestration.Services;
using Orchestration.Testing;
using Xunit.Abstractions;

namespace Orchestration.Autoscaling.Tests.Engine;

/// <summary>The autoscaler on the real engine: CPU from the engine's statistics stream, scale up under load and back
/// down after the window, scale to zero and the first request to a service at zero.</summary>
[Collection(EngineCollection.Name)]
public sealed class AutoscalingOnEngineTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_service_burning_cpu_per_request_scales_from_1_to_at_least_3_under_load_and_back_to_1_after_the_window()
    {
        var events = new ConcurrentQueue<OrchestrationEvent>();
        await using var fleet = await TestFleet.StartAsync(b => b
            .AddWorkload("burn", w => w
                .Image(BurnWorkload.Image)
                .Command(BurnWorkload.Command())
                .Port("http", 8080)
                .Requests(cpu: "100m")
                .Readiness(Probe.Http("/"))
                .StopGracePeriod(TimeSpan.FromSeconds(1))
                .Autoscale(1, 4, a => a
                    .Cpu(50)
                    .SyncPeriod(TimeSpan.FromSeconds(2))
                    .StabilizationWindows(scaleDown: TimeSpan.FromSeconds(10))))
            .OnEvent(e =>
            {
                events.Enqueue(e);
                if (e is AutoscalerDecided or WorkloadScaled)
                {
                    output.WriteLine($"{e.Time:HH:mm:ss.fff} {e.Message}");
                }
            }));

        var address = fleet.Services.GetRequiredService<IServiceAddresses>().GetServiceAddress("burn", "http").Address;
        using var stopLoad = new CancellationTokenSource();
        var answered = 0;
        var load = Task.Run(async () =>
        {
            // A steady 5 requests per second, about 0.3 cores of work in all: three times the CPU one replica requests.
            while (!stopLoad.IsCancellationRequested)
            {
                var next = Task.Delay(200);
                _ = Task.Run(async () =>
                {
                    try
                    {
                        var (response, _) = await HttpProbe.GetAsync(address.Host, address.Port, BurnWorkload.Path, TimeSpan.FromSeconds(20));
                        if (response.Contains("burnt", StringComparison.Ordinal))
                        {
                            Interlocked.Increment(ref answered);
                        }
                    }
                    catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or OperationCanceledException)
                    {
                    }
                });
                await next;
            }
        });

        var peak = 0;
        using (fleet.Orchestrator.Events.Subscribe(_ => peak = Math.Max(peak, fleet.Orchestrator.DesiredState?.Find("burn")?.Replicas ?? 0)))
        {
            var up = await fleet.Orchestrator.WaitForAsync(s => s["burn"]!.Desired >= 3 && s["burn"]!.Ready >= 3, TimeSpan.FromSeconds(120));
            Assert.True(up.Autoscalers.Single().Desired >= 3);
        }

        await stopLoad.CancelAsync();
        await load;
        Assert.True(answered > 0);

        var down = await fleet.Orchestrator.WaitForAsync(s => s["burn"]!.Desired == 1, TimeSpan.FromSeconds(120));
        Assert.True(peak <= 4, $"the autoscaler went above its maximum: {peak}");

        var decisions = events.OfType<AutoscalerDecided>().ToList();
        var scaleUp = decisions.First(d => d.To > d.From);
        Assert.Equal(1, scaleUp.From);
        Assert.Contains("cpu", scaleUp.Reason, StringComparison.Ordinal);
        Assert.Equal("cpu", scaleUp.Metrics.Single().Name);
        Assert.True(scaleUp.Metrics.Single().Value > 50 * 1.1, $"scaled up on cpu {scaleUp.Metrics.Single().Value}");
        var scaleDown = decisions.Last(d => d.To < d.From);
        Assert.Equal(1, scaleDown.To);
        Assert.Contains(decisions, d => d.LimitedBy?.Contains("scale-down stabilization window", StringComparison.Ordinal) == true);
        var row = down.Autoscalers.Single();
        Assert.Equal(("burn", 1, 4), (row.Workload, row.MinReplicas, row.MaxReplicas));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => fleet.Orchestrator.ScaleAsync("burn", 2));
        Assert.Contains("is autoscaled between 1 and 4 replicas", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_scales_to_zero_when_idle_and_answers_the_first_request_to_its_stable_address()
    {
        var events = new ConcurrentQueue<OrchestrationEvent>();
        await using var fleet = await TestFleet.StartAsync(b => b
            .AddWorkload("idle", w => w
                .Image(BurnWorkload.Image)
                .Port("http", 8080)
                .Readiness(Probe.Http("/"))
                .StopGracePeriod(TimeSpan.FromSeconds(1))
                .Autoscale(0, 2, a => a
                    .ScaleToZeroAfter(TimeSpan.FromSeconds(3))
                    .SyncPeriod(TimeSpan.FromSeconds(1))))
            .OnEvent(events.Enqueue));

        var address = fleet.Services.GetRequiredService<IServiceAddresses>().GetServiceAddress("idle", "http").Address;
        await fleet.Orchestrator.WaitForAsync(s => s["idle"]!.Desired == 0 && s["idle"]!.Replicas.IsEmpty, TimeSpan.FromSeconds(60));
        var toZero = events.OfType<AutoscalerDecided>().Single(d => d.To == 0);
        Assert.Equal(1, toZero.From);
        Assert.Contains("no connection for", toZero.Reason, StringComparison.Ordinal);

        var (response, elapsed) = await HttpProbe.GetAsync(address.Host, address.Port, "/", TimeSpan.FromSeconds(30));

        output.WriteLine($"first request to the service at zero answered in {elapsed.TotalMilliseconds:0} ms");
        Assert.StartsWith("HTTP/1.1 200 OK", response, StringComparison.Ordinal);
        Assert.EndsWith("ok\n", response, StringComparison.Ordinal);
        Assert.Equal(1, fleet.Orchestrator.GetStatus()["idle"]!.Desired);
        var wake = events.OfType<AutoscalerDecided>().Single(d => d.From == 0);
        Assert.Equal(1, wake.To);
        Assert.Contains("connection waits", wake.Reason, StringComparison.Ordinal);
        Assert.True(elapsed < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_connection_held_for_a_service_at_zero_is_served_once_the_replica_accepts_before_its_readiness_probe_passes()
    {
        var events = new ConcurrentQueue<OrchestrationEvent>();
        await using var fleet = await TestFleet.StartAsync(b => b
            .AddWorkload("late", w => w
                .Image(BurnWorkload.Image)
                .Replicas(0)
                .Port("http", 8080)
                .Readiness(Probe.Http("/") with { InitialDelay = TimeSpan.FromSeconds(20) })
                .StopGracePeriod(TimeSpan.FromSeconds(1))
                .Autoscale(0, 1, a => a.SyncPeriod(TimeSpan.FromSeconds(1))))
            .OnEvent(events.Enqueue));
        var address = fleet.Services.GetRequiredService<IServiceAddresses>().GetServiceAddress("late", "http").Address;
        Assert.Empty(fleet.Orchestrator.GetStatus()["late"]!.Replicas);

        var (response, elapsed) = await HttpProbe.GetAsync(address.Host, address.Port, "/", TimeSpan.FromSeconds(30));

        output.WriteLine($"first request to the service at zero answered in {elapsed.TotalMilliseconds:0} ms, before readiness");
        Assert.StartsWith("HTTP/1.1 200 OK", response, StringComparison.Ordinal);
        Assert.True(elapsed < TimeSpan.FromSeconds(15), $"answered after {elapsed}");
        Assert.DoesNotContain(events, e => e is ProbePassed { Workload: "late" });
        Assert.Equal(0, fleet.Orchestrator.GetStatus()["late"]!.Ready);
        Assert.Contains(events, e => e is AutoscalerDecided { Workload: "late", From: 0, To: 1 });
    }
}
