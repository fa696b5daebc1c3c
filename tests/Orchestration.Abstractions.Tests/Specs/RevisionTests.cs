namespace Orchestration.Tests.Specs;

public class RevisionTests
{
    private static WorkloadSpec Web() => new WorkloadBuilder("web").Image("nginx:1.27").Port("http", 80).Env("MODE", "prod").Build();

    [Fact]
    public void The_same_declaration_hashes_the_same()
    {
        Assert.Equal(Web().Revision, Web().Revision);
        Assert.Matches("^[0-9a-f]{10}$", Web().Revision);
    }

    [Fact]
    public void Scaling_and_rollout_tuning_do_not_change_the_revision()
    {
        var spec = Web();
        var tuned = spec with
        {
            Replicas = 7,
            Update = spec.Update with { MaxSurge = 5 },
            Probes = spec.Probes with { Readiness = Probe.Http("/", "http") },
        };
        Assert.Equal(spec.Revision, tuned.Revision);
    }

    [Fact]
    public void Container_shaping_changes_change_the_revision()
    {
        var spec = Web();
        Assert.NotEqual(spec.Revision, (spec with { Image = "nginx:1.28" }).Revision);
        Assert.NotEqual(spec.Revision, (spec with { Environment = spec.Environment.SetItem("MODE", "dev") }).Revision);
        Assert.NotEqual(spec.Revision, (spec with { Secrets = [new SecretReference("TOKEN", "api-token")] }).Revision);
    }

    [Fact]
    public void Environment_order_does_not_matter()
    {
        var a = new WorkloadBuilder("w").Image("busybox").Env("A", "1").Env("B", "2").Build();
        var b = new WorkloadBuilder("w").Image("busybox").Env("B", "2").Env("A", "1").Build();
        Assert.Equal(a.Revision, b.Revision);
    }
}
