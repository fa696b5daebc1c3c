using Docker.DotNet.Models;
using Orchestration.Runtime.Docker.Containers;

namespace Orchestration.Services.Tests.Nodes;

public sealed class RemoteEngineAddressTests
{
    private static ContainerInspectResponse Inspect(string hostIp) => new()
    {
        ID = "abc",
        Name = "/shop-web-r1-1",
        Config = new ContainerConfig { Labels = new Dictionary<string, string> { [PortLabel.Key] = PortLabel.Format([new PortSpec("http", 8080)]) } },
        State = new Docker.DotNet.Models.State { Status = "running" },
        HostConfig = new HostConfig { NetworkMode = "orchestration-shop" },
        NetworkSettings = new NetworkSettings
        {
            Ports = new Dictionary<string, IList<PortBinding>> { ["8080/tcp"] = [new PortBinding { HostIP = hostIp, HostPort = "49153" }] },
        },
    };

    [Fact]
    public void A_port_published_on_every_address_of_a_remote_engine_is_reported_at_the_engine_host()
    {
        var info = ContainerInfoReader.Read("node2", Inspect("0.0.0.0"), "orchestration-shop", remoteHost: "10.1.2.3");
        Assert.Equal(new Runtime.HostEndpoint("10.1.2.3", 49153), info.PublishedPorts["http"]);
    }

    [Fact]
    public void A_port_of_an_engine_on_this_machine_is_reported_on_loopback_and_an_explicit_address_is_kept()
    {
        Assert.Equal(new Runtime.HostEndpoint("127.0.0.1", 49153), ContainerInfoReader.Read("local", Inspect("0.0.0.0"), "orchestration-shop").PublishedPorts["http"]);
        Assert.Equal(new Runtime.HostEndpoint("10.9.9.9", 49153), ContainerInfoReader.Read("node2", Inspect("10.9.9.9"), "orchestration-shop", remoteHost: "10.1.2.3").PublishedPorts["http"]);
    }
}
