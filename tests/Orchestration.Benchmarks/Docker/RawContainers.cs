using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Orchestration.Benchmarks.Docker;

/// <summary>The floor the benchmarks compare with: busybox httpd containers started straight through the Docker API,
/// all at once, with nothing but what the engine itself needs.</summary>
internal static class RawContainers
{
    private const string HttpPort = "8080/tcp";

    /// <summary>Creates and starts <paramref name="count"/> containers labelled as fleet <paramref name="run"/>. With
    /// <paramref name="sameAsSdk"/>, they are the containers the SDK creates: on a labelled user-defined network with
    /// the workload name as alias, an init process, all capabilities dropped and no-new-privileges; without it, plain
    /// containers on the default bridge. Returns their ids.</summary>
    public static async Task<IReadOnlyList<string>> StartAsync(DockerClient client, string run, int count, bool sameAsSdk)
    {
        var labels = new Dictionary<string, string> { [Runtime.OrchestrationLabels.Fleet] = run };
        if (sameAsSdk)
        {
            await client.Networks.CreateNetworkAsync(new NetworksCreateParameters { Name = run, Driver = "bridge", Labels = labels });
        }

        return await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var created = await client.Containers.CreateContainerAsync(new CreateContainerParameters
            {
                Name = $"{run}-{i}",
                Image = BenchFleet.Image,
                Labels = labels,
                ExposedPorts = new Dictionary<string, EmptyStruct> { [HttpPort] = default },
                HostConfig = new HostConfig
                {
                    PortBindings = new Dictionary<string, IList<PortBinding>>
                    {
                        [HttpPort] = [new PortBinding { HostIP = "127.0.0.1", HostPort = "" }],
                    },
                    Init = sameAsSdk ? true : null,
                    CapDrop = sameAsSdk ? ["ALL"] : [],
                    SecurityOpt = sameAsSdk ? ["no-new-privileges:true"] : [],
                    NetworkMode = sameAsSdk ? run : "default",
                },
                NetworkingConfig = sameAsSdk
                    ? new NetworkingConfig { EndpointsConfig = new Dictionary<string, EndpointSettings> { [run] = new() { Aliases = ["web"] } } }
                    : null,
            });
            await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
            return created.ID;
        }));
    }

    /// <summary>Waits until every container answers HTTP 200 on its published port 8080, polling every 20 ms.</summary>
    public static async Task WaitForHttpAsync(DockerClient client, IReadOnlyList<string> ids, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        await Task.WhenAll(ids.Select(async id =>
        {
            var inspect = await client.Containers.InspectContainerAsync(id);
            var port = inspect.NetworkSettings?.Ports?[HttpPort]?.FirstOrDefault()?.HostPort
                       ?? throw new InvalidOperationException($"Container {id[..12]} has no published port {HttpPort}.");
            var uri = new Uri($"http://127.0.0.1:{port}/");
            while (true)
            {
                try
                {
                    using var response = await http.GetAsync(uri);
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                }

                if (deadline.Elapsed > timeout)
                {
                    throw new TimeoutException($"Container {id[..12]} did not answer on {uri} within {timeout}.");
                }

                await Task.Delay(20);
            }
        }));
    }
}
