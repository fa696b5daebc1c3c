using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestration.Runtime;

namespace Orchestration.Docker.Tests.Infrastructure;

/// <summary>The real Docker engine the tests run against, checked once: it must answer and have the test images.
/// A missing engine fails every test with a message saying how to start one; it is never a reason to skip.
/// <see cref="Engine"/> is a raw client for acting "from outside" (kill, inspect) and for cleaning up.</summary>
public sealed class DockerEngineFixture : IAsyncLifetime
{
    /// <summary>The busybox httpd image built by eng/images.sh (serves "ok" on 8080).</summary>
    public const string Image = "orchestration/busybox:1";

    /// <summary>The same image serving "v2".</summary>
    public const string ImageV2 = "orchestration/busybox:2";

    public static string EndpointText => Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : "unix:///var/run/docker.sock";

    public DockerClient Engine { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        VersionResponse version;
        try
        {
            using var probe = new DockerClientBuilder().WithEndpoint(new Uri(EndpointText)).Build();
            version = await probe.System.GetVersionAsync(deadline.Token);
        }
        catch (Exception e)
        {
            var where = Environment.GetEnvironmentVariable("CI") == "true" ? " (CI)" : "";
            throw new InvalidOperationException(
                $"No Docker engine answers at {EndpointText}{where}; run `bash eng/engine.sh up` (and `bash eng/images.sh`), then run the tests again. Cause: {e.Message}", e);
        }

        Engine = new DockerClientBuilder()
            .WithEndpoint(new Uri(EndpointText))
            .WithApiVersion(System.Version.Parse(version.APIVersion))
            .Build();
        foreach (var image in new[] { Image, ImageV2 })
        {
            try
            {
                await Engine.Images.InspectImageAsync(image, deadline.Token);
            }
            catch (DockerImageNotFoundException e)
            {
                throw new InvalidOperationException($"The test image {image} is missing on {EndpointText}; run `bash eng/images.sh`.", e);
            }
        }
    }

    public Task DisposeAsync()
    {
        Engine?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Removes every container, volume and network carrying the fleet label: what a test leaves behind.</summary>
    public async Task RemoveFleetAsync(string fleet)
    {
        var filter = LabelFilter(fleet);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var containers = await Engine.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter }, deadline.Token);
        await Task.WhenAll(containers.Select(async c =>
        {
            try
            {
                await Engine.Containers.RemoveContainerAsync(c.ID, new ContainerRemoveParameters { Force = true }, deadline.Token);
            }
            catch (DockerApiException)
            {
            }
        }));
        var volumes = await Engine.Volumes.ListAsync(new VolumesListParameters { Filters = filter }, deadline.Token);
        foreach (var volume in volumes.Volumes ?? [])
        {
            try
            {
                await Engine.Volumes.RemoveAsync(volume.Name, force: true, deadline.Token);
            }
            catch (DockerApiException)
            {
            }
        }

        foreach (var network in await Engine.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter }, deadline.Token))
        {
            try
            {
                await Engine.Networks.DeleteNetworkAsync(network.ID, deadline.Token);
            }
            catch (DockerApiException)
            {
            }
        }
    }

    public async Task<IList<ContainerListResponse>> ContainersOfAsync(string fleet)
        => await Engine.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = LabelFilter(fleet) });

    public async Task<IList<string>> VolumesOfAsync(string fleet)
        => [.. ((await Engine.Volumes.ListAsync(new VolumesListParameters { Filters = LabelFilter(fleet) })).Volumes ?? []).Select(v => v.Name).Order(StringComparer.Ordinal)];

    public async Task<IList<NetworkResponse>> NetworksOfAsync(string fleet)
        => await Engine.Networks.ListNetworksAsync(new NetworksListParameters { Filters = LabelFilter(fleet) });

    public static IDictionary<string, IDictionary<string, bool>> LabelFilter(string fleet)
        => new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = new Dictionary<string, bool> { [$"{OrchestrationLabels.Fleet}={fleet}"] = true },
        };
}
