using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.Runtime;
using Orchestration.Runtime.Docker;

namespace Orchestration.Benchmarks.Docker;

/// <summary>What the Docker benchmarks share: the busybox httpd workload, a host running the orchestrator on Docker,
/// and a raw client for acting from outside and cleaning up.</summary>
internal static class BenchFleet
{
    /// <summary>The busybox httpd image built by eng/images.sh (serves "ok" on 8080).</summary>
    public const string Image = "orchestration/busybox:1";

    public static string DefaultEndpoint => Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : "unix:///var/run/docker.sock";

    public static WorkloadSpec Web(int replicas, string name = "web") => new()
    {
        Name = name,
        Image = Image,
        PullPolicy = PullPolicy.IfNotPresent,
        Replicas = replicas,
        Ports = [new PortSpec("http", 8080)],
        StopGracePeriod = TimeSpan.FromSeconds(1),
    };

    public static IHost BuildHost(string fleet, WorkloadSpec workload, Action<OrchestrationOptions>? orchestration = null, Action<DockerRuntimeOptions>? docker = null, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddOrchestration(o =>
        {
            o.FleetName = fleet;
            orchestration?.Invoke(o);
        }).UseDocker(docker).AddWorkload(workload);
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    public static DockerClient Client(string? endpoint = null)
        => new DockerClientBuilder().WithEndpoint(new Uri(endpoint ?? DefaultEndpoint)).WithApiVersion(new System.Version(1, 41)).Build();

    public static IDictionary<string, IDictionary<string, bool>> LabelFilter(string key, string value)
        => new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = new Dictionary<string, bool> { [$"{key}={value}"] = true },
        };

    /// <summary>Removes every container and network carrying the fleet label on the engine.</summary>
    public static async Task RemoveFleetAsync(DockerClient client, string fleet)
    {
        var filter = LabelFilter(OrchestrationLabels.Fleet, fleet);
        var containers = await client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter });
        await Task.WhenAll(containers.Select(c => TryAsync(() => client.Containers.RemoveContainerAsync(c.ID, new ContainerRemoveParameters { Force = true }))));
        foreach (var network in await client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter }))
        {
            await TryAsync(() => client.Networks.DeleteNetworkAsync(network.ID));
        }
    }

    public static async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (DockerApiException)
        {
        }
    }

    public static async Task StopAsync(IHost host)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await host.StopAsync(deadline.Token);
        host.Dispose();
    }

    public static bool AllReady(FleetStatus status, string workload, int count)
        => status[workload] is { } w && w.Ready == count && w.Replicas.Length == count;
}
