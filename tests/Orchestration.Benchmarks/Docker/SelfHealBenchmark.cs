using System.Diagnostics;
using System.Globalization;
using Docker.DotNet.Models;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Runtime;

namespace Orchestration.Benchmarks.Docker;

/// <summary>Issue 4: kills one replica's container through the Docker API and measures, from the engine's
/// <c>die</c> event time, how long until the orchestrator asks the runtime to start its replacement (a decorator
/// around the Docker runtime timestamps start requests) and until the replacement is Running. The workload's restart
/// policy waits only 1 ms before the first restart, so the numbers are the control loop's own reaction time (the default policy waits
/// 1 s before the first restart on purpose).</summary>
internal static class SelfHealBenchmark
{
    private const int Replicas = 3;

    public static async Task<int> RunAsync()
    {
        using var client = BenchFleet.Client();
        var fleet = $"bsh{Guid.NewGuid():N}"[..12];
        TimingRuntime? timing = null;
        var workload = BenchFleet.Web(Replicas) with { Restart = RestartPolicy.Default with { InitialDelay = TimeSpan.FromMilliseconds(1) } };
        var host = BenchFleet.BuildHost(fleet, workload, o => o.DeleteFleetOnStop = true, services: services =>
        {
            // Wrap the Docker runtime registered by UseDocker.
            var docker = services.Single(d => d.ServiceType == typeof(IContainerRuntime));
            services.Remove(docker);
            services.AddSingleton<IContainerRuntime>(sp => timing = new TimingRuntime((IContainerRuntime)docker.ImplementationFactory!(sp)));
        });
        try
        {
            var orchestrator = host.Services.GetRequiredService<IOrchestrator>();
            await host.StartAsync();
            var before = await orchestrator.WaitForAsync(s => BenchFleet.AllReady(s, "web", Replicas), TimeSpan.FromMinutes(2));
            var victim = before["web"]!.Replicas[0];

            using var watch = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var died = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
            var filters = BenchFleet.LabelFilter(OrchestrationLabels.Fleet, fleet);
            filters["event"] = new Dictionary<string, bool> { ["die"] = true };
            var monitor = client.System.MonitorEventsAsync(
                new ContainerEventsParameters { Filters = filters, Since = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
                new Progress(m =>
                {
                    if (m.Actor?.ID == victim.ContainerId && m.TimeNano is > 0 and long nanos)
                    {
                        died.TrySetResult(DateTimeOffset.UnixEpoch.AddTicks(nanos / 100));
                    }
                }),
                watch.Token);

            await client.Containers.KillContainerAsync(victim.ContainerId!, new ContainerKillParameters { Signal = "KILL" });
            var dieTime = await died.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await orchestrator.WaitForAsync(
                s => BenchFleet.AllReady(s, "web", Replicas) && s["web"]!.Replicas.All(r => r.ContainerId != victim.ContainerId),
                TimeSpan.FromSeconds(60));
            await watch.CancelAsync();
            await IgnoreCancelAsync(monitor);

            var start = timing!.Starts.Where(s => s.ReplicaId == victim.Id && s.Requested >= dieTime.AddSeconds(-1)).OrderBy(s => s.Requested).First();
            var toRequest = (start.Requested - dieTime).TotalMilliseconds;
            var toRunning = ((start.Started ?? DateTimeOffset.UtcNow) - dieTime).TotalMilliseconds;
            var removed = timing.Removed.TryGetValue(victim.ContainerId!, out var at) ? (at - dieTime).TotalMilliseconds : double.NaN;
            var image = timing.ImageChecks.Where(c => c.ReplicaId == victim.Id && c.Requested >= dieTime).Select(c => (c.Done - c.Requested).TotalMilliseconds).DefaultIfEmpty(double.NaN).First();
            var seen = timing.DiedSeen.TryGetValue(victim.ContainerId!, out var seenAt) ? (seenAt - dieTime).TotalMilliseconds : double.NaN;
            var logs = timing.LogReads.TryGetValue(victim.ContainerId!, out var read) ? (read.Done - read.Requested).TotalMilliseconds : double.NaN;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bench self-heal die_to_start_request_ms={toRequest:0} die_to_running_ms={toRunning:0} die_to_event_seen_ms={seen:0} exit_log_read_ms={logs:0} die_to_old_removed_ms={removed:0} image_check_ms={image:0} restart_initial_delay_ms=1"));
            return 0;
        }
        finally
        {
            await BenchFleet.StopAsync(host);
            await BenchFleet.RemoveFleetAsync(client, fleet);
        }
    }

    private static async Task IgnoreCancelAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Runs the callback synchronously, on the stream's reader.</summary>
    private sealed class Progress(Action<Message> onMessage) : IProgress<Message>
    {
        public void Report(Message value) => onMessage(value);
    }
}
