using System.Collections.Immutable;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Runtime.Docker;
using Orchestration.TestSupport;

namespace Orchestration.Nodes.Tests;

/// <summary>An image only one node has is copied to the node a replica is placed on.</summary>
[Collection(NodesCollection.Name)]
public sealed class ImageCopyTests : IAsyncLifetime
{
    private readonly string _fleet = $"n{Guid.NewGuid():N}"[..12];
    private readonly string _tag = $"orchestration/copied:{Guid.NewGuid():N}"[..40];
    private readonly string _context = Path.Combine(Path.GetTempPath(), $"orch-copy-{Guid.NewGuid():N}");
    private OrchestratorHost? _host;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_context);
        return File.WriteAllTextAsync(Path.Combine(_context, "Dockerfile"), $"FROM {NodesFixture.Image}\nLABEL test.copied=yes\n");
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await NodesFixture.RemoveFleetAsync(_fleet);
        for (var node = 1; node <= NodesFixture.Count; node++)
        {
            using var client = NodesFixture.Client(node);
            try
            {
                await client.Images.DeleteImageAsync(_tag, new ImageDeleteParameters { Force = true });
            }
            catch (DockerImageNotFoundException)
            {
            }
        }

        Directory.Delete(_context, recursive: true);
    }

    [Fact]
    public async Task An_image_built_on_node2_runs_on_node3()
    {
        _host = await NodeHost.StartAsync(_fleet, TimeSpan.FromSeconds(5));
        await _host.Services.GetRequiredService<DockerImages>().BuildAsync(_context, _tag, node: "node2");
        Assert.False(await HasImageAsync(3), "node3 must not have the image before the test");

        var copied = NodeHost.Web(1, "copied") with
        {
            Image = _tag,
            Placement = PlacementSpec.Default with { NodeSelector = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("zone", "z3")]) },
        };
        await _host.Orchestrator.ApplyAsync(new FleetSpec { Name = _fleet, Workloads = [copied] });

        var status = await _host.WaitForAsync(s => s["copied"]?.Ready == 1);
        Assert.Equal("node3", status["copied"]!.Replicas.Single().Node);
        Assert.True(await HasImageAsync(3));
    }

    private async Task<bool> HasImageAsync(int node)
    {
        using var client = NodesFixture.Client(node);
        try
        {
            await client.Images.InspectImageAsync(_tag);
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
    }
}
