using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestration.Runtime.Docker;
using Orchestration.Runtime.Docker.Client;
using Orchestration.Testing.Watchdog;

namespace Orchestration.Testing.Tests.Infrastructure;

/// <summary>The real engine, checked once: it must answer and have the test image. A missing engine fails the tests
/// with a message saying how to start one (in CI too); it is never a reason to skip. <see cref="Engine"/> acts "from
/// outside": it lists, creates and removes by label.</summary>
public sealed class EngineFixture : IAsyncLifetime
{
    public const string Image = "orchestration/busybox:1";

    /// <summary>The engine the harness uses by default, resolved as the Docker runtime resolves a node's engine.</summary>
    internal static EngineEndpoint Resolved => EngineEndpoint.Resolve(new DockerNodeOptions());

    public static Uri Endpoint => Resolved.Uri;

    public DockerClient Engine { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            Engine = await DockerClientFactory.ConnectAsync("test", Resolved, deadline.Token);
        }
        catch (Exception e)
        {
            var where = Environment.GetEnvironmentVariable("CI") == "true" ? " (CI)" : "";
            throw new InvalidOperationException($"No Docker engine answers at {Endpoint}{where}; run `bash eng/engine.sh up` and `bash eng/images.sh`. Cause: {e.Message}", e);
        }

        try
        {
            await Engine.Images.InspectImageAsync(Image, deadline.Token);
        }
        catch (DockerImageNotFoundException e)
        {
            throw new InvalidOperationException($"The test image {Image} is missing; run `bash eng/images.sh`.", e);
        }
    }

    public Task DisposeAsync()
    {
        Engine?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Containers and networks carrying <c>key=value</c>, as "kind name" strings.</summary>
    public async Task<IReadOnlyList<string>> LabelledAsync(string label)
    {
        var filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [label] = true } };
        var containers = await Engine.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filters });
        var networks = await Engine.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filters });
        return [.. containers.Select(c => $"container {c.Names.FirstOrDefault()}"), .. networks.Select(n => $"network {n.Name}")];
    }

    /// <summary>Creates and starts a busybox container with these labels; returns its id.</summary>
    public async Task<string> RunLabelledAsync(IDictionary<string, string> labels)
    {
        var created = await Engine.Containers.CreateContainerAsync(new CreateContainerParameters { Image = Image, Labels = labels });
        await Engine.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
        return created.ID;
    }

    /// <summary>Removes what carries <c>key=value</c>: the tests' own cleanup.</summary>
    public Task RemoveLabelledAsync(string label) => SessionReaper.RemoveLabelledAsync(Engine, label, CancellationToken.None);
}
