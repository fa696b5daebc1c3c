using System.Diagnostics;
using System.Globalization;
using Docker.DotNet.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Orchestration.Benchmarks.Docker;

/// <summary>Issue 4: 20 busybox httpd replicas with a published port, from nothing to all Running — with the SDK
/// (a host with <c>AddOrchestration().UseDocker()</c>, waiting for every replica to be ready) and with the raw Docker
/// API in parallel (create and start, the floor), in the same run on the same engine. Both parts clean up.</summary>
internal static class FleetStartBenchmark
{
    private const int Replicas = 20;

    public static async Task<int> RunAsync()
    {
        using var client = BenchFleet.Client();
        var sdk = await SdkAsync(client);
        var raw = await RawAsync(client);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench fleet-start replicas={Replicas} sdk_s={sdk:0.000} raw_s={raw:0.000} ratio={sdk / raw:0.00}"));
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

    private static async Task<double> RawAsync(global::Docker.DotNet.DockerClient client)
    {
        var run = $"bfr{Guid.NewGuid():N}"[..12];
        try
        {
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Replicas).Select(async i =>
            {
                var created = await client.Containers.CreateContainerAsync(new CreateContainerParameters
                {
                    Name = $"{run}-{i}",
                    Image = BenchFleet.Image,
                    Labels = new Dictionary<string, string> { [Runtime.OrchestrationLabels.Fleet] = run },
                    ExposedPorts = new Dictionary<string, EmptyStruct> { ["8080/tcp"] = default },
                    HostConfig = new HostConfig
                    {
                        PortBindings = new Dictionary<string, IList<PortBinding>>
                        {
                            ["8080/tcp"] = [new PortBinding { HostIP = "127.0.0.1", HostPort = "" }],
                        },
                    },
                });
                await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
            }));
            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await BenchFleet.RemoveFleetAsync(client, run);
        }
    }
}
