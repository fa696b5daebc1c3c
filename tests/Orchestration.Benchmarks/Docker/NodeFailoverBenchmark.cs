using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Events;

namespace Orchestration.Benchmarks.Docker;

/// <summary>Issue 7: 9 replicas spread over 3 engines; one engine's daemon is killed. Prints the grace period, the
/// time from the kill to the node being declared lost (its first replica rescheduled), and the time from then until
/// all 9 replicas run on the other nodes. Node 3 is started again afterwards and the fleet removed.</summary>
internal static class NodeFailoverBenchmark
{
    private const int Replicas = 9;
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync()
    {
        await NodeEngines.StartAsync(3);
        var fleet = $"bnf{Guid.NewGuid():N}"[..12];
        var host = BenchFleet.BuildHost(fleet, BenchFleet.Web(Replicas), o =>
        {
            o.DeleteFleetOnStop = true;
            o.NodeLostGracePeriod = Grace;
        }, d => NodeEngines.Configure(d, 3));
        var rescheduled = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var orchestrator = host.Services.GetRequiredService<IOrchestrator>();
            using var subscription = orchestrator.Events.Subscribe(e =>
            {
                if (e is ReplicaRescheduled { FromNode: "node3" })
                {
                    rescheduled.TrySetResult(DateTimeOffset.UtcNow);
                }
            });
            await host.StartAsync();
            await orchestrator.WaitForAsync(s => BenchFleet.AllReady(s, "web", Replicas), TimeSpan.FromMinutes(3));

            var killed = DateTimeOffset.UtcNow;
            await NodeEngines.StopNodeAsync(3);
            var lost = await rescheduled.Task.WaitAsync(TimeSpan.FromMinutes(2));
            await orchestrator.WaitForAsync(
                s => BenchFleet.AllReady(s, "web", Replicas) && s["web"]!.Replicas.All(r => r.Node != "node3"),
                TimeSpan.FromMinutes(2));
            var done = DateTimeOffset.UtcNow;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bench node-failover grace_s={Grace.TotalSeconds:0.0} reschedule_s={(done - lost).TotalSeconds:0.000} kill_to_lost_s={(lost - killed).TotalSeconds:0.000} replicas={Replicas}"));
            return 0;
        }
        finally
        {
            await NodeEngines.StartNodeAsync(3);
            await BenchFleet.StopAsync(host);
            for (var i = 1; i <= 3; i++)
            {
                using var client = BenchFleet.Client(NodeEngines.Socket(i));
                await BenchFleet.RemoveFleetAsync(client, fleet);
            }
        }
    }
}
