using System.Collections.Immutable;
using Orchestration.Runtime;

namespace Orchestration.Tests.Status;

public sealed class SnapshotValueTests
{
    private static ReplicaStatus Replica(int port = 30001) => new()
    {
        Id = "0", Workload = "db", Revision = "abc", Phase = ReplicaPhase.Running, Node = "n1", Ready = true,
        Ports = ImmutableDictionary<string, HostEndpoint>.Empty.Add("pg", new HostEndpoint("127.0.0.1", port)).Add("metrics", new HostEndpoint("127.0.0.1", 30002)),
    };

    private static FleetStatus Fleet(int port = 30001) => new("shop",
    [
        new WorkloadStatus
        {
            Name = "db", Kind = WorkloadKind.Service, Phase = WorkloadPhase.Available, Revision = "abc", Desired = 1, Ready = 1, Available = 1, Updated = 1,
            Replicas = [Replica(port)],
        },
    ])
    {
        Nodes = [new NodeStatus { Name = "n1", State = NodeState.Ready, Labels = ImmutableSortedDictionary<string, string>.Empty.Add("zone", "a") }],
    };

    [Fact]
    public void Snapshots_built_separately_with_equal_collections_are_equal_and_hash_alike()
    {
        Assert.Equal(Replica(), Replica());
        Assert.Equal(Replica().GetHashCode(), Replica().GetHashCode());
        Assert.True(Replica() == Replica());

        Assert.Equal(Fleet(), Fleet());
        Assert.Equal(Fleet().GetHashCode(), Fleet().GetHashCode());
    }

    [Fact]
    public void A_changed_item_deep_in_a_collection_makes_snapshots_unequal()
    {
        Assert.NotEqual(Replica(), Replica(port: 30009));
        Assert.True(Replica() != Replica(port: 30009));
        Assert.NotEqual(Fleet(), Fleet(port: 30009));
    }

    [Fact]
    public void Dictionaries_compare_by_entries_whatever_the_order_they_were_built_in()
    {
        var a = new ReplicaStatus { Id = "0", Workload = "db", Revision = "abc", Phase = ReplicaPhase.Running, Ports = ImmutableDictionary.CreateRange([KeyValuePair.Create("a", new HostEndpoint("h", 1)), KeyValuePair.Create("b", new HostEndpoint("h", 2))]) };
        var b = new ReplicaStatus { Id = "0", Workload = "db", Revision = "abc", Phase = ReplicaPhase.Running, Ports = ImmutableDictionary.CreateRange([KeyValuePair.Create("b", new HostEndpoint("h", 2)), KeyValuePair.Create("a", new HostEndpoint("h", 1))]) };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void A_default_array_counts_as_empty()
    {
        var empty = new FleetStatus("shop", []);
        var unset = new FleetStatus("shop", default);

        Assert.Equal(empty, unset);
        Assert.Equal(empty.GetHashCode(), unset.GetHashCode());
        Assert.Equal("FleetStatus { Name = shop, Workloads = [], Nodes = [], ServiceAddresses = [], Autoscalers = [], Leadership = null }", unset.ToString());
    }

    [Fact]
    public void Snapshots_of_different_types_with_the_same_values_are_unequal()
    {
        var address = new HostEndpoint("127.0.0.1", 80);

        Assert.False(new ServiceAddress("web", "http", address).Equals(new ServiceEndpoint("web", "http", "0", address)));
        Assert.Equal(new ServiceEndpoint("web", "http", "0", address), new ServiceEndpoint("web", "http", "0", new HostEndpoint("127.0.0.1", 80)));
    }

    [Fact]
    public void ToString_prints_the_items_of_collections()
    {
        var node = new NodeStatus
        {
            Name = "n1", State = NodeState.Ready, Labels = ImmutableSortedDictionary<string, string>.Empty.Add("zone", "a").Add("disk", "ssd"),
            Taints = [new Taint("gpu", "true", TaintEffect.NoSchedule)],
        };

        var text = node.ToString();

        Assert.StartsWith("NodeStatus { Name = n1, State = Ready, NotReadySince = null, Reason = null, ", text);
        Assert.Contains("Labels = [disk = ssd, zone = a], Taints = [Taint { Key = gpu, Value = true, Effect = NoSchedule }]", text);
        Assert.DoesNotContain("ImmutableArray", text);
    }

    [Fact]
    public void Snapshots_with_their_own_text_keep_it()
    {
        Assert.Equal("[web/r0] listening", new LogLine("web", "r0", "c1", "listening").ToString());
        Assert.Equal("cpu 50 (target 80) proposes 2", new MetricReading("cpu", 50, 80, 2).ToString());
    }

    [Fact]
    public void Property_patterns_match_snapshots()
    {
        Assert.True(Fleet()["db"] is { Ready: 1, Replicas: [{ Node: "n1", Ready: true }] });
    }
}
