using System.Collections.Immutable;
using Orchestration.Events;

namespace Orchestration.Tests.Events;

public sealed class EventValueTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static ReplicaStarted Started(string node = "node1", int restarts = 0)
        => new() { Time = At, Fleet = "shop", Workload = "web", ReplicaId = "r0", Node = node, ContainerId = "c1", Restarts = restarts };

    [Fact]
    public void Events_built_separately_with_equal_properties_are_equal_and_hash_alike()
    {
        var a = Started();
        var b = Started();

        Assert.NotSame(a, b);
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void A_changed_property_in_the_event_or_its_base_makes_events_unequal()
    {
        Assert.NotEqual(Started(), Started(node: "node2"));
        Assert.NotEqual(Started(), Started(restarts: 1));
        Assert.NotEqual<OrchestrationEvent>(Started(), new ReplicaStarted { Time = At, Fleet = "other", Workload = "web", ReplicaId = "r0", Node = "node1", ContainerId = "c1" });
        Assert.True(Started() != Started(node: "node2"));
    }

    [Fact]
    public void Events_of_different_types_with_the_same_base_values_are_unequal()
    {
        OrchestrationEvent adopted = new ReplicaAdopted { Time = At, Fleet = "shop", Workload = "web", ReplicaId = "r0", Node = "node1" };
        OrchestrationEvent scheduled = new ReplicaScheduled { Time = At, Fleet = "shop", Workload = "web", ReplicaId = "r0", Node = "node1" };

        Assert.NotEqual(adopted, scheduled);
        Assert.False(adopted == scheduled);
        Assert.False(adopted.Equals(null));
    }

    [Fact]
    public void Collections_in_events_compare_by_entries()
    {
        FleetApplied Applied(IReadOnlyDictionary<string, string> revisions) => new() { Time = At, Fleet = "shop", Revisions = revisions };
        var a = Applied(new Dictionary<string, string> { ["web"] = "abc", ["db"] = "def" });
        var b = Applied(ImmutableSortedDictionary<string, string>.Empty.Add("db", "def").Add("web", "abc"));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Applied(new Dictionary<string, string> { ["web"] = "abc", ["db"] = "xyz" }));
    }

    [Fact]
    public void ToString_lists_the_type_and_the_properties_base_first_but_not_the_computed_message()
    {
        var text = Started().ToString();

        Assert.Equal("ReplicaStarted { Time = 01/02/2026 03:04:05 +00:00, Fleet = shop, Workload = web, ReplicaId = r0, Node = node1, ContainerId = c1, Restarts = 0 }", text);
    }

    [Fact]
    public void ToString_prints_collection_items_and_null()
    {
        var applied = new FleetApplied { Time = At, Fleet = "shop", Revisions = new Dictionary<string, string> { ["web"] = "abc", ["db"] = "def" } };

        Assert.Equal("FleetApplied { Time = 01/02/2026 03:04:05 +00:00, Fleet = shop, Workload = null, Revisions = [db = def, web = abc] }", applied.ToString());
    }

    [Fact]
    public void Property_patterns_match_events()
    {
        OrchestrationEvent e = Started();

        Assert.True(e is ReplicaStarted { Workload: "web", Node: "node1", Restarts: 0 });
        Assert.False(e is ReplicaStarted { Node: "node2" });
    }
}
