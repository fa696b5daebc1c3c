using Orchestration.Testing.Readiness;

namespace Orchestration.Testing.Tests.Fleets;

public sealed class FastProbesTests
{
    [Fact]
    public void Default_period_http_and_tcp_readiness_and_startup_probes_poll_faster_and_fail_after_the_same_time()
    {
        var fleet = new FleetBuilder("f")
            .AddWorkload("web", w => w.Image("web:1").Port("http", 8080)
                .Readiness(Probe.Http("/"))
                .Startup(Probe.Tcp("http"))
                .Liveness(Probe.Http("/live")))
            .Build();

        var fast = FastProbes.Apply(fleet, TimeSpan.FromMilliseconds(200)).Workloads[0].Probes;

        Assert.Equal(TimeSpan.FromMilliseconds(200), fast.Readiness!.Period);
        Assert.Equal(15, fast.Readiness.FailureThreshold);
        Assert.Equal(TimeSpan.FromMilliseconds(200), fast.Startup!.Period);
        Assert.Equal(TimeSpan.FromSeconds(1), fast.Liveness!.Period);
        Assert.Equal(3, fast.Liveness.FailureThreshold);
    }

    [Fact]
    public void Exec_probes_probes_with_their_own_period_and_a_null_period_stay_as_declared()
    {
        var fleet = new FleetBuilder("f")
            .AddWorkload("a", w => w.Image("a:1").Readiness(Probe.Exec("true")))
            .AddWorkload("b", w => w.Image("b:1").Port("http", 8080).Readiness(Probe.Http("/") with { Period = TimeSpan.FromSeconds(2) }))
            .Build();

        var applied = FastProbes.Apply(fleet, TimeSpan.FromMilliseconds(200));
        Assert.Equal(fleet.Workloads.Select(w => w.Probes), applied.Workloads.Select(w => w.Probes));
        Assert.Same(fleet, FastProbes.Apply(fleet, null));
    }
}
