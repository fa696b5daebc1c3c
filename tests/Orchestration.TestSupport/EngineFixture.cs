using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestration.Runtime;
using Xunit;

namespace Orchestration.TestSupport;

/// <summary>The real Docker engine the integration tests run against, made ready once per test collection: when the
/// engine does not answer it runs <c>eng/engine.sh up</c>, when a test image is missing it runs <c>eng/images.sh</c>,
/// then it checks both again. What still fails fails every test of the collection with a message saying what to run
/// (CI or not): a missing engine is never a reason to skip. <see cref="Engine"/> is a raw client for acting "from
/// outside" the SDK (list, kill, inspect) and for cleaning up by label.</summary>
public sealed class EngineFixture : IAsyncLifetime
{
    /// <summary>The busybox httpd image built by eng/images.sh (serves "ok" on 8080).</summary>
    public const string Image = "orchestration/busybox:1";

    /// <summary>The same image serving "v2".</summary>
    public const string ImageV2 = "orchestration/busybox:2";

    private static readonly string[] TestImages = [Image, ImageV2];

    /// <summary>The engine's endpoint as the SDK resolves it without options: <c>DOCKER_HOST</c>, else the local socket.</summary>
    public static string EndpointText => Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : "unix:///var/run/docker.sock";

    /// <summary><see cref="EndpointText"/> as a URI.</summary>
    public static Uri Endpoint => new(EndpointText);

    private static string Where => Environment.GetEnvironmentVariable("CI") == "true" ? " (CI)" : "";

    /// <summary>A client pinned to the engine's API version.</summary>
    public DockerClient Engine { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (await TryVersionAsync() is null)
        {
            await RunScriptAsync("eng/engine.sh", "up");
        }

        var version = await TryVersionAsync() ?? throw new InvalidOperationException(
            $"No Docker engine answers at {EndpointText}{Where}, also after `bash eng/engine.sh up`; start one (as root: `bash eng/engine.sh up`, then `bash eng/images.sh`) and run the tests again.");
        Engine = new DockerClientBuilder().WithEndpoint(Endpoint).WithApiVersion(System.Version.Parse(version.APIVersion)).Build();

        if ((await MissingImagesAsync()).Count > 0)
        {
            await RunScriptAsync("eng/images.sh", "");
        }

        if (await MissingImagesAsync() is { Count: > 0 } missing)
        {
            throw new InvalidOperationException($"The test image(s) {string.Join(", ", missing)} are missing on {EndpointText}{Where}, also after `bash eng/images.sh`.");
        }
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        Engine?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Containers, volumes and networks carrying <c>key=value</c>, as "kind name" strings.</summary>
    public async Task<IReadOnlyList<string>> LabelledAsync(string label)
    {
        var filters = LabelFilterOf(label);
        var containers = await Engine.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filters });
        var networks = await Engine.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filters });
        return [.. containers.Select(c => $"container {c.Names.FirstOrDefault()}"), .. networks.Select(n => $"network {n.Name}")];
    }

    /// <summary>Creates and starts a container of <see cref="Image"/> with these labels; returns its id.</summary>
    public async Task<string> RunLabelledAsync(IDictionary<string, string> labels)
    {
        var created = await Engine.Containers.CreateContainerAsync(new CreateContainerParameters { Image = Image, Labels = labels });
        await Engine.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
        return created.ID;
    }

    /// <summary>Removes every container, volume and network carrying the fleet label: what a test leaves behind.</summary>
    public Task RemoveFleetAsync(string fleet) => RemoveLabelledAsync(FleetLabel(fleet));

    /// <summary>Removes every container, volume and network carrying <c>key=value</c> (or <c>key</c>): the tests' own
    /// cleanup. What is already gone or still in use is passed over.</summary>
    public async Task RemoveLabelledAsync(string label)
    {
        var filters = LabelFilterOf(label);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var containers = await Engine.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filters }, deadline.Token);
        await Task.WhenAll(containers.Select(c => IgnoringEngineErrorsAsync(
            () => Engine.Containers.RemoveContainerAsync(c.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, deadline.Token))));
        var volumes = await Engine.Volumes.ListAsync(new VolumesListParameters { Filters = filters }, deadline.Token);
        foreach (var volume in volumes.Volumes ?? [])
        {
            await IgnoringEngineErrorsAsync(() => Engine.Volumes.RemoveAsync(volume.Name, force: true, deadline.Token));
        }

        foreach (var network in await Engine.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filters }, deadline.Token))
        {
            await IgnoringEngineErrorsAsync(() => Engine.Networks.DeleteNetworkAsync(network.ID, deadline.Token));
        }
    }

    /// <summary>The fleet's containers, running or not.</summary>
    public async Task<IList<ContainerListResponse>> ContainersOfAsync(string fleet)
        => await Engine.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = LabelFilter(fleet) });

    /// <summary>The names of the fleet's volumes, in order.</summary>
    public async Task<IList<string>> VolumesOfAsync(string fleet)
        => [.. ((await Engine.Volumes.ListAsync(new VolumesListParameters { Filters = LabelFilter(fleet) })).Volumes ?? []).Select(v => v.Name).Order(StringComparer.Ordinal)];

    /// <summary>The fleet's networks.</summary>
    public async Task<IList<NetworkResponse>> NetworksOfAsync(string fleet)
        => await Engine.Networks.ListNetworksAsync(new NetworksListParameters { Filters = LabelFilter(fleet) });

    /// <summary>An engine filter for what carries the fleet's label.</summary>
    public static IDictionary<string, IDictionary<string, bool>> LabelFilter(string fleet) => LabelFilterOf(FleetLabel(fleet));

    private static string FleetLabel(string fleet) => $"{OrchestrationLabels.Fleet}={fleet}";

    private static Dictionary<string, IDictionary<string, bool>> LabelFilterOf(string label)
        => new() { ["label"] = new Dictionary<string, bool> { [label] = true } };

    private static async Task IgnoringEngineErrorsAsync(Func<Task> remove)
    {
        try
        {
            await remove();
        }
        catch (DockerApiException)
        {
        }
    }

    private static async Task<VersionResponse?> TryVersionAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            using var probe = new DockerClientBuilder().WithEndpoint(Endpoint).Build();
            return await probe.System.GetVersionAsync(deadline.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private async Task<IReadOnlyList<string>> MissingImagesAsync()
    {
        var missing = new List<string>();
        foreach (var image in TestImages)
        {
            try
            {
                await Engine.Images.InspectImageAsync(image);
            }
            catch (DockerImageNotFoundException)
            {
                missing.Add(image);
            }
        }

        return missing;
    }

    private static async Task RunScriptAsync(string script, string arguments)
    {
        try
        {
            await RepositoryScripts.RunAsync(script, arguments);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"The engine for the tests is not ready at {EndpointText}{Where}: `bash {script} {arguments}` failed. Cause: {e.Message}", e);
        }
    }
}
