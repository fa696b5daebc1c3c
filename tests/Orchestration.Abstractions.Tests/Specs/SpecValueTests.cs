using System.Collections.Immutable;

namespace Orchestration.Tests.Specs;

public sealed class SpecValueTests
{
    private static WorkloadSpec Web(string image = "web:1", string arg = "--port=80", string label = "backend") => new WorkloadBuilder("web")
        .Image(image)
        .Command("httpd", "-f")
        .Args("-v", arg)
        .Env("MODE", "production")
        .Port("http", 80)
        .Label("tier", label)
        .NodeSelector("zone", "a")
        .Tolerate("gpu")
        .AddCapability("NET_ADMIN")
        .Readiness(Probe.Exec("cat", "/tmp/ready"))
        .DependsOn("db")
        .Volume("data", "/data")
        .Build();

    [Fact]
    public void Specs_built_separately_with_equal_collections_are_equal_and_hash_alike()
    {
        var a = Web();
        var b = Web();

        Assert.NotSame(a, b);
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(a.Revision, b.Revision);
    }

    [Fact]
    public void A_changed_item_of_any_collection_makes_specs_unequal()
    {
        var web = Web();

        Assert.NotEqual(web, Web(arg: "--port=81"));
        Assert.NotEqual(web, Web(label: "frontend"));
        Assert.NotEqual(web, web with { Command = ["httpd", "-F"] });
        Assert.NotEqual(web, web with { Environment = web.Environment.SetItem("MODE", "debug") });
        Assert.NotEqual(web, web with { Ports = [new PortSpec("http", 81)] });
        Assert.NotEqual(web, web with { Placement = web.Placement with { NodeSelector = web.Placement.NodeSelector.SetItem("zone", "b") } });
        Assert.NotEqual(web, web with { Placement = web.Placement with { Tolerations = [new Toleration("ssd")] } });
        Assert.NotEqual(web, web with { Security = web.Security with { AddCapabilities = ["SYS_TIME"] } });
        Assert.NotEqual(web, web with { Probes = web.Probes with { Readiness = Probe.Exec("cat", "/tmp/other") } });
        Assert.NotEqual(web, web with { Dependencies = [new DependencySpec("cache")] });
        Assert.NotEqual(web, web with { Mounts = [] });
        Assert.True(web != Web(arg: "--port=81"));
    }

    [Fact]
    public void Nested_specs_with_collections_compare_by_items()
    {
        Assert.Equal(new PlacementSpec { RequiredAntiAffinity = ["web"] }, new PlacementSpec { RequiredAntiAffinity = ["web"] });
        Assert.Equal(Probe.Exec("true").GetHashCode(), Probe.Exec("true").GetHashCode());
        Assert.Equal(new SecuritySpec { AddCapabilities = ["NET_ADMIN"] }, new SecuritySpec { AddCapabilities = ["NET_ADMIN"] });
        Assert.Equal(
            new StatefulSetSpec { VolumeTemplates = [new VolumeClaimTemplate("data", "/data")] },
            new StatefulSetSpec { VolumeTemplates = [new VolumeClaimTemplate("data", "/data")] });
        Assert.NotEqual(
            new StatefulSetSpec { VolumeTemplates = [new VolumeClaimTemplate("data", "/data")] },
            new StatefulSetSpec { VolumeTemplates = [new VolumeClaimTemplate("data", "/other")] });
        Assert.Equal(
            new ScalingRules { Policies = [ScalingPolicy.Percent(100, TimeSpan.FromSeconds(15))] },
            new ScalingRules { Policies = [ScalingPolicy.Percent(100, TimeSpan.FromSeconds(15))] });
        Assert.Equal(new AutoscalingSpec { MaxReplicas = 5, Metrics = [] }, new AutoscalingSpec { MaxReplicas = 5 });
        Assert.Equal(new FleetSpec { Name = "shop", Workloads = [Web()] }, new FleetSpec { Name = "shop", Workloads = [Web()] });
        Assert.NotEqual(new FleetSpec { Name = "shop", Workloads = [Web()] }, new FleetSpec { Name = "shop", Workloads = [Web(image: "web:2")] });
    }

    [Fact]
    public void A_default_array_equals_an_empty_one()
    {
        var probe = Probe.Http("/");

        Assert.Equal(probe with { Command = [] }, probe with { Command = default });
        Assert.Equal((probe with { Command = [] }).GetHashCode(), (probe with { Command = default }).GetHashCode());
    }

    [Fact]
    public void ToString_prints_the_items_of_collections()
    {
        var text = Web().ToString();

        Assert.StartsWith("WorkloadSpec { Name = web, Kind = Service, Image = web:1, PullPolicy = IfNotPresent, Command = [httpd, -f], Args = [-v, --port=80], Environment = [MODE = production], ", text);
        Assert.Contains("Labels = [tier = backend]", text);
        Assert.Contains("NodeSelector = [zone = a]", text);
        Assert.Contains("Command = [cat, /tmp/ready]", text);
        Assert.DoesNotContain("ImmutableArray", text);
        Assert.DoesNotContain("ImmutableSortedDictionary", text);
    }

    [Fact]
    public void Spec_parts_given_whole_compare_by_value_and_print_their_properties()
    {
        object[] parts =
        [
            new PortSpec("http", 80, hostPort: 8080), new MountSpec(MountKind.Volume, "data", "/data"), new DependencySpec("db"),
            new SecretReference("PASSWORD", "db"), new Taint("gpu", "yes", TaintEffect.NoSchedule), new Toleration("gpu"),
            new ValidationProblem("workloads[\"web\"].image", "", "must not be empty"),
        ];
        object[] same =
        [
            new PortSpec("http", 80, hostPort: 8080), new MountSpec(MountKind.Volume, "data", "/data"), new DependencySpec("db", DependencyCondition.Ready),
            new SecretReference("PASSWORD", "db"), new Taint("gpu", "yes", TaintEffect.NoSchedule), new Toleration("gpu", null, null),
            new ValidationProblem("workloads[\"web\"].image", "", "must not be empty"),
        ];
        object[] other =
        [
            new PortSpec("http", 80), new MountSpec(MountKind.Volume, "data", "/data", readOnly: true), new DependencySpec("db", DependencyCondition.Completed),
            new SecretReference("PASSWORD", "cache"), new Taint("gpu", "no", TaintEffect.NoSchedule), new Toleration("gpu", effect: TaintEffect.NoExecute),
            new ValidationProblem("workloads[\"web\"].image", null, "must not be empty"),
        ];

        for (var i = 0; i < parts.Length; i++)
        {
            Assert.Equal(parts[i], same[i]);
            Assert.Equal(parts[i].GetHashCode(), same[i].GetHashCode());
            Assert.NotEqual(parts[i], other[i]);
        }

        Assert.True(new PortSpec("http", 80) == new PortSpec("http", 80));
        Assert.Equal("PortSpec { Name = http, ContainerPort = 80, Protocol = Tcp, HostPort = 8080, HostIp = null }", parts[0].ToString());
        Assert.Equal("Toleration { Key = gpu, Value = null, Effect = null }", parts[5].ToString());
        Assert.Equal("workloads[\"web\"].image: '' must not be empty", parts[6].ToString());
    }
}
