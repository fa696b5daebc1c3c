namespace Orchestration.Autoscaling.Tests.Typed;

/// <summary>The <c>[Autoscale]</c> attribute and the fluent builder give the same spec, and bad settings are reported
/// with the field and the value.</summary>
public sealed class TypedAutoscalingTests
{
    [Fact]
    public void The_attribute_gives_the_same_autoscaling_as_the_fluent_builder()
    {
        var fluent = new WorkloadBuilder("checkout").Image("orchestration/busybox:1").Port("http", 8080).Requests(cpu: "100m", memory: "32Mi")
            .Autoscale(0, 5, a => a.Cpu(60).RequestsPerSecond(20).ScaleToZeroAfter(TimeSpan.FromSeconds(120))
                .StabilizationWindows(scaleDown: TimeSpan.FromSeconds(30)).SyncPeriod(TimeSpan.FromSeconds(5))
                .Instrument("Shop.Checkout", "checkout.carts_open", 15).Instrument("Shop.Checkout", "checkout.payments", 2.5))
            .Build();
        var typed = Checkout.Spec.Autoscaling!;
        var expected = fluent.Autoscaling!;

        Assert.Equal((expected.MinReplicas, expected.MaxReplicas, expected.IdlePeriod, expected.SyncPeriod), (typed.MinReplicas, typed.MaxReplicas, typed.IdlePeriod, typed.SyncPeriod));
        Assert.Equal(expected.Metrics.Select(m => (m.Source, m.Name, m.Target, m.Meter, m.Instrument)), typed.Metrics.Select(m => (m.Source, m.Name, m.Target, m.Meter, m.Instrument)));
        Assert.Equal(2, typed.Metrics.Count(m => m.Source == MetricSource.Instrument));
        Assert.Equal(TimeSpan.FromSeconds(30), typed.ScaleDown.StabilizationWindow);
        Assert.Equal(expected.ScaleDown.Policies.AsEnumerable(), typed.ScaleDown.Policies.AsEnumerable());
        Assert.Equal(expected.ScaleUp.StabilizationWindow, typed.ScaleUp.StabilizationWindow);
        Assert.Equal(Checkout.Spec.Revision, Checkout.Spec with { Autoscaling = null } is var plain ? plain.Revision : "");
    }

    [Fact]
    public void Bad_autoscaling_is_reported_with_the_field_and_the_value()
    {
        var error = Assert.Throws<SpecValidationException>(() => new WorkloadBuilder("web").Image("orchestration/busybox:1")
            .Autoscale(3, 2, a => a.Cpu(-5).ScaleUpPolicies(ScalingPolicySelect.Max, ScalingPolicy.Percent(100, TimeSpan.Zero)))
            .Build());

        Assert.Contains("workloads[\"web\"].autoscaling.maxReplicas", error.Message, StringComparison.Ordinal);
        Assert.Contains("workloads[\"web\"].autoscaling.metrics[\"cpu\"].target", error.Message, StringComparison.Ordinal);
        Assert.Contains("needs a CPU request", error.Message, StringComparison.Ordinal);
        Assert.Contains("workloads[\"web\"].autoscaling.scaleUp.policies", error.Message, StringComparison.Ordinal);
    }
}
