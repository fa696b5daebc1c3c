using System.Diagnostics;
using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.Benchmarks.Docker;
using Orchestration.TestSupport;

namespace Orchestration.Benchmarks.Swarm;

/// <summary>20 busybox httpd replicas from nothing to running on the 3-node swarm of eng/swarm.sh: with the SDK (a host
/// with <c>AddOrchestration().UseDockerSwarm()</c>, waiting until its status shows 20 ready replicas) and with the same
/// overlay network and service created directly through the engine API, polling the tasks at the same interval. Two
/// rounds each, alternating, in the same run; the best of each is printed.</summary>
internal static class SwarmBenchmark
{
    private const int Replicas = 20;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public static async Task<int> RunAsync()
    {
        var manager = (await RepositoryScripts.RunAsync("eng/swarm.sh", "up 3")).Trim().Split('\n')[^1].Trim();
        using var client = BenchFleet.Client(manager);
        var sdk = double.MaxValue;
        var raw = double.MaxValue;
        for (var round = 0; round < 2; round++)
        {
            sdk = Math.Min(sdk, await SdkAsync(manager, client));
            raw = Math.Min(raw, await RawAsync(client));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench swarm replicas={Replicas} sdk_s={sdk:0.000} raw_s={raw:0.000} ratio={sdk / raw:0.00}"));
        return 0;
    }

    private static async Task<double> SdkAsync(string manager, DockerClient client)
    {
        var fleet = $"bsw{Guid.NewGuid():N}"[..12];
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddOrchestration(o => o.FleetName = fleet)
            .UseDockerSwarm(o =>
            {
                o.Manager = manager;
                o.StatusInterval = Poll;
            })
            .AddWorkload(BenchFleet.Web(Replicas));
        using var host = builder.Build();
        try
        {
            var orchestrator = host.Services.GetRequiredService<IOrchestrator>();
            var clock = Stopwatch.StartNew();
            await host.StartAsync();
            await orchestrator.WaitForAsync(s => s["web"]?.Ready == Replicas, TimeSpan.FromMinutes(3));
            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await host.Services.GetRequiredService<IOrchestrator>().DeleteFleetAsync();
            await host.StopAsync();
            await WaitGoneAsync(client, $"orchestration-{fleet}");
        }
    }

    private static async Task<double> RawAsync(DockerClient client)
    {
        var run = $"bsr{Guid.NewGuid():N}"[..12];
        var network = $"raw-{run}";
        string? service = null;
        try
        {
            var clock = Stopwatch.StartNew();
            await client.Networks.CreateNetworkAsync(new NetworksCreateParameters { Name = network, Driver = "overlay", Attachable = true });
            var created = await client.Swarm.CreateServiceAsync(new ServiceCreateParameters
            {
                Service = new ServiceSpec
                {
                    Name = run,
                    Mode = new ServiceMode { Replicated = new ReplicatedService { Replicas = Replicas } },
                    TaskTemplate = new TaskSpec
                    {
                        ContainerSpec = new ContainerSpec
                        {
                            Image = BenchFleet.Image,
                            Init = true,
                            CapabilityDrop = ["ALL"],
                            StopGracePeriod = TimeSpan.FromSeconds(1),
                        },
                        Networks = [new NetworkAttachmentConfig { Target = network, Aliases = ["web"] }],
                    },
                    EndpointSpec = new EndpointSpec
                    {
                        Mode = "dnsrr",
                        Ports = [new PortConfig { Name = "http", Protocol = "tcp", TargetPort = 8080, PublishMode = "host" }],
                    },
                },
            });
            service = created.ID!;
            var filter = new Dictionary<string, IDictionary<string, bool>> { ["service"] = new Dictionary<string, bool> { [service] = true } };
            while (true)
            {
                var tasks = await client.Tasks.ListAsync(new TasksListParameters { Filters = filter });
                if (tasks.Count(t => t.Status?.State == TaskState.Running && t.DesiredState == TaskState.Running) >= Replicas)
                {
                    return clock.Elapsed.TotalSeconds;
                }

                await Task.Delay(Poll);
            }
        }
        finally
        {
            if (service is not null)
            {
                await client.Swarm.RemoveServiceAsync(service);
            }

            await WaitGoneAsync(client, network);
        }
    }

    /// <summary>Removes the network once the removed service's tasks let go of it, so rounds do not overlap.</summary>
    private static async Task WaitGoneAsync(DockerClient client, string network)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await client.Networks.DeleteNetworkAsync(network);
            }
            catch (DockerNetworkNotFoundException)
            {
            }
            catch (DockerApiException)
            {
                await Task.Delay(Poll);
                continue;
            }

            var left = await client.Containers.ListContainersAsync(new ContainersListParameters { All = true });
            if (left.Count == 0)
            {
                return;
            }

            await Task.Delay(Poll);
        }
    }
}
