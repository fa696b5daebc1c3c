using System.Collections.Immutable;
using Orchestration.Observed;
using Orchestration.Runtime;

namespace Orchestration.Tests.Observed;

public sealed class ObservedStateTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Ports_reported_by_the_start_call_survive_a_list_that_saw_the_container_before_it_started()
    {
        var observed = new ObservedState();
        var created = Container(ContainerState.Created, ImmutableDictionary<string, HostEndpoint>.Empty);
        observed.ApplyList(new HashSet<string> { "local" }, [created], observed.BeginList());
        observed.Apply(new RuntimeEvent { Kind = RuntimeEventKind.Started, Node = "local", ContainerId = created.Ref.Id, Time = Now });

        var ports = ImmutableDictionary<string, HostEndpoint>.Empty.Add("http", new HostEndpoint("127.0.0.1", 32768));
        observed.Started(created with { State = ContainerState.Running, PublishedPorts = ports, NetworkAddress = "172.18.0.2" });

        var known = Assert.Single(observed.ContainersOf("web"));
        Assert.Equal(ContainerState.Running, known.State);
        Assert.Equal(new HostEndpoint("127.0.0.1", 32768), known.PublishedPorts["http"]);
        Assert.Equal("172.18.0.2", known.NetworkAddress);
    }

    [Fact]
    public void A_start_report_does_not_undo_an_exit_the_event_stream_already_delivered()
    {
        var observed = new ObservedState();
        var created = Container(ContainerState.Created, ImmutableDictionary<string, HostEndpoint>.Empty);
        observed.ApplyList(new HashSet<string> { "local" }, [created], observed.BeginList());
        observed.Apply(new RuntimeEvent { Kind = RuntimeEventKind.Died, Node = "local", ContainerId = created.Ref.Id, ExitCode = 3, Time = Now });

        observed.Started(created with { State = ContainerState.Running });

        var known = Assert.Single(observed.ContainersOf("web"));
        Assert.Equal(ContainerState.Exited, known.State);
        Assert.Equal(3, known.ExitCode);
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
