using System.Collections.Immutable;
using System.Net;
using Orchestration.Runtime;

namespace Orchestration.Services.Tests.Balancing;

public sealed class ReplicaRoutesTests
{
    private static readonly IReadOnlyList<(IPAddress Address, int Prefix)> Networks =
        [(IPAddress.Loopback, 8), (IPAddress.Parse("192.0.2.7"), 24), (IPAddress.Parse("172.30.0.1"), 16)];

    [Fact]
    public void A_replica_of_this_machine_on_an_attached_bridge_is_reached_at_its_fleet_address_and_container_port()
    {
        var routes = Resolve(published: "127.0.0.1", networkAddress: "172.30.0.5");

        Assert.Equal(new ReplicaRoute("0", new HostEndpoint("172.30.0.5", 80)), Assert.Single(routes));
    }

    [Fact]
    public void A_replica_published_on_an_interface_address_of_this_machine_is_reached_directly_too()
    {
        var routes = Resolve(published: "192.0.2.7", networkAddress: "172.30.0.5");

        Assert.Equal(new HostEndpoint("172.30.0.5", 80), Assert.Single(routes).Address);
    }

    [Theory]
    [InlineData("198.51.100.20", "172.30.0.5")] // published on another machine: its bridge only looks like ours
    [InlineData("127.0.0.1", "10.99.0.5")] // no interface of this machine is on that network
    [InlineData("127.0.0.1", "172.30.0.1")] // the bridge's own address is not a replica
    [InlineData("127.0.0.1", null)] // the runtime reports no fleet address
    public void Otherwise_a_replica_is_reached_at_its_published_port(string published, string? networkAddress)
    {
        var routes = Resolve(published, networkAddress);

        Assert.Equal(new HostEndpoint(published, 49153), Assert.Single(routes).Address);
    }

    private static IReadOnlyList<ReplicaRoute> Resolve(string published, string? networkAddress)
    {
        var address = new HostEndpoint(published, 49153);
        var status = new ReplicaStatus
        {
            Id = "0",
            Workload = "web",
            Revision = "1",
            Phase = ReplicaPhase.Running,
            Ready = true,
            Ports = ImmutableDictionary<string, HostEndpoint>.Empty.Add("http", address),
        };
        return ReplicaRoutes.Resolve([new ServiceEndpoint("web", "http", "0", address)], [new ReadyReplica(status, networkAddress)], 80, Networks);
    }
}
