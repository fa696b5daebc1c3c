using System.Text.Json;

namespace Orchestration.Tests.Specs;

/// <summary>Leader election keeps the desired fleet and its revision history as JSON in the lease store; a spec part
/// that does not survive the round trip would come back changed on the next leader.</summary>
public sealed class SpecJsonTests
{
    [Fact]
    public void A_fleet_with_every_spec_part_survives_a_json_round_trip()
    {
        var fleet = new FleetBuilder("shop")
            .AddWorkload("db", w => w
                .Image("db:1")
                .StatefulSet(2)
                .VolumeTemplate("data", "/data", readOnly: true)
                .Port("pg", 5432, PortProtocol.Tcp, hostPort: 15432, hostIp: "127.0.0.1"))
            .AddWorkload("web", w => w
                .Image("web:1")
                .Port("http", 8080)
                .Port("dns", 53, PortProtocol.Udp)
                .Secret("DB_PASSWORD", "db-password")
                .SecretFile("api-key")
                .ConfigFile("/etc/web/web.conf", "mode=demo")
                .Volume("cache", "/cache")
                .Bind("/srv/static", "/static", readOnly: true)
                .Tmpfs("/tmp")
                .DependsOn("db")
                .Tolerate("gpu", "yes", TaintEffect.NoSchedule)
                .Tolerate("spot")
                .RollingUpdate(maxSurge: IntOrPercent.FromPercent(50), maxUnavailable: 1)
                .Requests(cpu: "250m")
                .Readiness(Probe.Http("/ready"))
                .Autoscale(1, 5, a => a.Cpu(60).ScaleDownPolicies(ScalingPolicySelect.Min, ScalingPolicy.Percent(50, TimeSpan.FromSeconds(30)))))
            .Build();

        var restored = JsonSerializer.Deserialize<FleetSpec>(JsonSerializer.Serialize(fleet))!;

        Assert.Equal(fleet, restored);
        Assert.Equal(fleet.Find("web")!.Revision, restored.Find("web")!.Revision);
        Assert.Equal(IntOrPercent.FromPercent(50), restored.Find("web")!.Update.MaxSurge);
        Assert.Equal(15432, restored.Find("db")!.Ports[0].HostPort);
        Assert.Equal(ScalingPolicy.Percent(50, TimeSpan.FromSeconds(30)), restored.Find("web")!.Autoscaling!.ScaleDown.Policies.Single());
    }
}
