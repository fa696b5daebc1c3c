using System.Collections.Immutable;
using Orchestration.Reconciliation;
using Orchestration.Runtime;

namespace Orchestration.Tests.Reconciliation;

/// <summary>Controllers never write the observed cache: they see it through their expectations of what they asked
/// the runtime to do.</summary>
public sealed class ExpectationsTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ImmutableDictionary<string, HostEndpoint> Ports = ImmutableDictionary<string, HostEndpoint>.Empty.Add("http", new HostEndpoint("127.0.0.1", 32768));

    [Fact]
    public void A_started_container_the_cache_does_not_show_yet_is_seen()
    {
        var expectations = new Expectations();
        var started = Container(ContainerState.Running, Ports);
        expectations.ExpectCreated("web", started, Now);

        Assert.Equal(started, Assert.Single(expectations.Reconcile("web", [], Now)));
    }

    [Fact]
    public void Ports_reported_by_the_start_call_survive_a_list_that_saw_the_container_before_it_started()
    {
        var expectations = new Expectations();
        expectations.ExpectCreated("web", Container(ContainerState.Running, Ports) with { NetworkAddress = "172.18.0.2" }, Now);

        // The cache listed the container between its create and its start, then the stream said it started.
        var listed = Container(ContainerState.Running, ImmutableDictionary<string, HostEndpoint>.Empty);
        var seen = Assert.Single(expectations.Reconcile("web", [listed], Now));

        Assert.Equal(ContainerState.Running, seen.State);
        Assert.Equal(new HostEndpoint("127.0.0.1", 32768), seen.PublishedPorts["http"]);
        Assert.Equal("172.18.0.2", seen.NetworkAddress);
    }

    [Fact]
    public void The_cache_state_wins_over_the_start_report()
    {
        var expectations = new Expectations();
        expectations.ExpectCreated("web", Container(ContainerState.Running, Ports), Now);

        var exited = Container(ContainerState.Exited, Ports) with { ExitCode = 3 };
        var seen = Assert.Single(expectations.Reconcile("web", [exited], Now));

        Assert.Equal(ContainerState.Exited, seen.State);
        Assert.Equal(3, seen.ExitCode);
    }

    [Fact]
    public void A_removed_container_is_hidden_until_the_cache_drops_it_or_the_expectation_expires()
    {
        var expectations = new Expectations();
        var running = Container(ContainerState.Running, Ports);
        expectations.ExpectDeleted("web", running.Ref, Now);

        Assert.Empty(expectations.Reconcile("web", [running], Now));
        Assert.Equal(running, Assert.Single(expectations.Reconcile("web", [running], Now + Expectations.Timeout + TimeSpan.FromSeconds(1))));
    }

    [Fact]
    public void A_confirmed_removal_is_forgotten()
    {
        var expectations = new Expectations();
        var running = Container(ContainerState.Running, Ports);
        expectations.ExpectDeleted("web", running.Ref, Now);

        Assert.Empty(expectations.Reconcile("web", [], Now));

        // The same id listed again later (a cache that relisted an engine that came back) is seen again.
        Assert.Single(expectations.Reconcile("web", [running], Now));
    }

    private static ContainerInfo Container(ContainerState state, ImmutableDictionary<string, HostEndpoint> ports) => new()
    {
        Ref = new ContainerRef("local", "c1"),
        Name = "test-web-1",
        Labels = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create(OrchestrationLabels.Workload, "web")]),
        State = state,
        PublishedPorts = ports,
    };
}
