using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Orchestration.Benchmarks.Docker;

/// <summary>Issue 4: 20 busybox httpd replicas with a published port, from nothing to all Running — with the SDK
/// (a host with <c>AddOrchestration().UseDocker()</c>, waiting for every replica to be ready) and with the raw Docker
/// API in parallel (create and start, the floor), in the same run on the same engine. Both parts clean up.</summary>
/// <remarks>The floor creates the same containers the SDK does — on a labelled user-defined bridge network with the workload
/// name as alias, with an init process, all capabilities dropped and no-new-privileges — because on this engine a
/// container on a user-defined network takes measurably longer to start than one on the default bridge. The plain
/// default-bridge time is printed too (<c>raw_plain_s</c>) so both comparisons are visible.</remarks>
internal static class FleetStartBenchmark
{
    private const int Replicas = 20;

    public static async Task<int> RunAsync()
    {
        using var client = BenchFleet.Client();
        var sdk = await SdkAsync(client);
        var raw = await RawAsync(client, sameAsSdk: true);
        var plain = await RawAsync(client, sameAsSdk: false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench fleet-start replicas={Replicas} sdk_s={sdk:0.000} raw_s={raw:0.000} ratio={sdk / raw:0.00} raw_plain_s={plain:0.000} ratio_plain={sdk / plain:0.00}"));
        return 0;
    }

    private static async Task<double> SdkAsync(global::Docker.DotNet.DockerClient client)
    {
        var fleet = $"bfs{Guid.NewGuid():N}"[..12];
        var host = BenchFleet.BuildHost(fleet, BenchFleet.Web(Replicas), o => o.DeleteFleetOnStop = true);
        try
        {
            var orchestrator = host.Services.GetRequiredService<IOrchestrator>();
            var clock = Stopwatch.StartNew();
            await host.StartAsync();
            await orchestrator.WaitForAsync(s => BenchFleet.AllReady(s, "web", Replicas), TimeSpan.FromMinutes(3));
            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await BenchFleet.StopAsync(host);
            await BenchFleet.RemoveFleetAsync(client, fleet);
        }
    }

    private static async Task<double> RawAsync(global::Docker.DotNet.DockerClient client, bool sameAsSdk)
    {
        var run = $"bfr{Guid.NewGuid():N}"[..12];
        try
        {
            var clock = Stopwatch.StartNew();
            await RawContainers.StartAsync(client, run, Replicas, sameAsSdk);
            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await BenchFleet.RemoveFleetAsync(client, run);
        }
    }
}
