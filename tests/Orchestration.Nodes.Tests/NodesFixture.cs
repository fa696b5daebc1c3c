using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestration.Runtime;
using Orchestration.Runtime.Docker;
using Orchestration.TestSupport;

namespace Orchestration.Nodes.Tests;

/// <summary>Three local engines as nodes: the default engine is "node1", eng/engine.sh starts node2 and node3, and
/// eng/images.sh puts the test images on them. A missing engine fails the tests (never skips them).</summary>
public sealed class NodesFixture : IAsyncLifetime
{
    /// <summary>The busybox httpd image (serves "ok" on 8080).</summary>
    public const string Image = "orchestration/busybox:1";

    public const int Count = 3;

    public static string Socket(int node)
        => node == 1
            ? Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : "unix:///var/run/docker.sock"
            : $"unix:///var/run/orchestration-node{node}.sock";

    /// <summary>The TLS endpoint of an extra engine: it verifies client certificates (see eng/engine.sh).</summary>
    public static string TlsEndpoint(int node) => $"tcp://127.0.0.1:{2380 + node}";

    /// <summary>A Docker certificate directory (cert.pem, key.pem, ca.pem) the TLS endpoints accept.</summary>
    public static string TlsClientDirectory { get; private set; } = "";

    public async Task InitializeAsync()
    {
        try
        {
            await RepositoryScripts.RunAsync("eng/engine.sh", $"nodes {Count}");
            await RepositoryScripts.RunAsync("eng/images.sh", string.Join(' ', Enumerable.Range(2, Count - 1).Select(Socket)));
            TlsClientDirectory = (await RepositoryScripts.RunAsync("eng/engine.sh", "tls")).Trim();
        }
        catch (Exception e)
        {
            var where = Environment.GetEnvironmentVariable("CI") == "true" ? " (CI)" : "";
            throw new InvalidOperationException($"The {Count} engines of the node tests could not be started{where}; run `bash eng/engine.sh nodes {Count}` as root. Cause: {e.Message}", e);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static void Configure(DockerRuntimeOptions options)
    {
        for (var i = 1; i <= Count; i++)
        {
            options.Nodes.Add(new DockerNodeOptions { Name = $"node{i}", Endpoint = Socket(i), Labels = { ["zone"] = $"z{i}" } });
        }

        options.PingInterval = TimeSpan.FromMilliseconds(500);
        options.PingTimeout = TimeSpan.FromSeconds(1);
        options.MaxRetryAttempts = 1;
    }

    public static DockerClient Client(int node) => new DockerClientBuilder().WithEndpoint(new Uri(Socket(node))).WithApiVersion(new System.Version(1, 41)).Build();

    public static Task StopNodeAsync(int node) => RepositoryScripts.RunAsync("eng/engine.sh", $"stop-node {node}");

    public static Task StartNodeAsync(int node) => RepositoryScripts.RunAsync("eng/engine.sh", $"start-node {node}");

    /// <summary>The fleet's containers on one node (running or not).</summary>
    public static async Task<IList<ContainerListResponse>> ContainersAsync(int node, string fleet, bool runningOnly = false)
    {
        using var client = Client(node);
        var all = await client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = LabelFilter(fleet) });
        return [.. all.Where(c => !runningOnly || c.State == "running")];
    }

    /// <summary>Removes the fleet's containers and networks on every node that answers.</summary>
    public static async Task RemoveFleetAsync(string fleet)
    {
        for (var i = 1; i <= Count; i++)
        {
            try
            {
                using var client = Client(i);
                using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                var containers = await client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = LabelFilter(fleet) }, deadline.Token);
                await Task.WhenAll(containers.Select(c => client.Containers.RemoveContainerAsync(c.ID, new ContainerRemoveParameters { Force = true }, deadline.Token)));
                foreach (var network in await client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = LabelFilter(fleet) }, deadline.Token))
                {
                    await client.Networks.DeleteNetworkAsync(network.ID, deadline.Token);
                }
            }
            catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException or OperationCanceledException)
            {
            }
        }
    }

    public static IDictionary<string, IDictionary<string, bool>> LabelFilter(string fleet)
        => new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = new Dictionary<string, bool> { [$"{OrchestrationLabels.Fleet}={fleet}"] = true },
        };
}

[CollectionDefinition(Name)]
public sealed class NodesCollection : ICollectionFixture<NodesFixture>
{
    public const string Name = "three engines";
}
