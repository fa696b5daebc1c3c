using System.Collections.Immutable;

namespace Orchestration.Nodes.Tests;

/// <summary>Placement across three real engines: spread and node selectors.</summary>
[Collection(NodesCollection.Name)]
public sealed class MultiNodeTests : NodeFleetTest
{
    [Fact]
    public async Task Six_replicas_spread_two_per_node_and_a_node_selector_confines_a_workload()
    {
        var pinned = NodeHost.Web(2, "pinned") with
        {
            Placement = PlacementSpec.Default with { NodeSelector = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("zone", "z2")]) },
        };
        await StartAsync(NodeHost.Web(6), pinned);

        var status = await Host!.WaitForAsync(s => s["web"]?.Ready == 6 && s["pinned"]?.Ready == 2);

        Assert.Equal([2, 2, 2], CountsPerNode(status, "web"));
        Assert.All(status["pinned"]!.Replicas, r => Assert.Equal("node2", r.Node));
        for (var node = 1; node <= NodesFixture.Count; node++)
        {
            var expected = 2 + (node == 2 ? 2 : 0);
            Assert.Equal(expected, (await NodesFixture.ContainersAsync(node, Fleet, runningOnly: true)).Count);
        }

        // Published ports answer on this machine whatever the node.
        foreach (var replica in status["web"]!.Replicas)
        {
            Assert.Equal("ok", await GetAsync(replica.Ports["http"]));
        }
    }

    /// <summary>Replicas of <paramref name="workload"/> per node, ordered by node name.</summary>
    private static int[] CountsPerNode(FleetStatus status, string workload)
        => [.. status[workload]!.Replicas.GroupBy(r => r.Node).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Count())];

    private static async Task<string> GetAsync(Runtime.HostEndpoint endpoint)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return (await http.GetStringAsync($"http://{endpoint}/")).Trim();
    }
}
