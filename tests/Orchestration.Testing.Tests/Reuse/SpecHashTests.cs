using Orchestration.Testing.Reuse;

namespace Orchestration.Testing.Tests.Reuse;

public sealed class SpecHashTests
{
    private static readonly Uri[] Engines = [new("unix:///var/run/docker.sock")];

    private static FleetSpec Fleet(string name, string image, int replicas = 1)
        => new FleetBuilder(name).AddWorkload("web", w => w.Image(image).Replicas(replicas).Port("http", 8080)).Build();

    [Fact]
    public void The_same_workloads_hash_alike_whatever_the_fleet_is_called()
        => Assert.Equal(SpecHash.Of(Fleet("a", "web:1"), Engines), SpecHash.Of(Fleet("b", "web:1"), Engines));

    [Fact]
    public void A_changed_workload_or_engine_changes_the_hash()
    {
        var hash = SpecHash.Of(Fleet("a", "web:1"), Engines);

        Assert.NotEqual(hash, SpecHash.Of(Fleet("a", "web:2"), Engines));
        Assert.NotEqual(hash, SpecHash.Of(Fleet("a", "web:1"), [new Uri("tcp://10.0.0.2:2375")]));
    }
}
