using Orchestration.Autoscaling;

namespace Orchestration.Autoscaling.Tests.Algorithm;

/// <summary>The HorizontalPodAutoscaler's documented behaviour, reproduced on a fake clock.</summary>
public sealed class HpaBehaviourTests
{
    private static readonly MetricTarget Cpu = new() { Source = MetricSource.Cpu, Name = "cpu", Target = 50 };
    private static readonly MetricTarget Rps = new() { Source = MetricSource.RequestsPerSecond, Name = "requests_per_second", Target = 10 };

    [Fact]
    public void A_ratio_within_ten_percent_keeps_the_count()
    {
        var sim = new Simulation(Simulation.Cpu(), 4);

        var within = sim.Step(demand: 4 * 54);    // 54 % against 50 %: ratio 1.08
        Assert.Equal(4, within.Desired);
        Assert.StartsWith("no change proposed", within.Reason, StringComparison.Ordinal);

        var beyond = sim.Step(demand: 4 * 56);    // 56 %: ratio 1.12 → ceil(4 × 1.12) = 5
        Assert.Equal(5, beyond.Desired);
        Assert.Equal(5, beyond.Metrics.Single().Proposal);
    }

    [Fact]
    public void The_desired_count_is_ceil_of_current_times_value_over_target()
    {
        var sim = new Simulation(Simulation.Cpu(max: 20), 3);
        var decision = sim.Step(demand: 3 * 90);  // 90 % against 50 %: ceil(3 × 1.8) = 6
        Assert.Equal(6, decision.Desired);
        Assert.Equal(90, decision.Metrics.Single().Value!.Value, 3);
    }

    [Fact]
    public void The_highest_proposal_across_metrics_wins()
    {
        var spec = Simulation.Cpu(max: 20) with { Metrics = [Cpu, Rps] };
        var sim = new Simulation(spec, 2);

        var decision = sim.Decide([sim.Even(Cpu, 2 * 75), sim.Even(Rps, 2 * 30)]);   // CPU proposes 3, requests 6

        Assert.Equal(6, decision.Desired);
        Assert.Equal([3, 6], decision.Metrics.Select(m => m.Proposal!.Value));
    }

    [Fact]
    public void A_missing_metric_blocks_scaling_down_but_not_scaling_up()
    {
        var spec = Simulation.Cpu(max: 20) with { Metrics = [Cpu, Rps], ScaleDown = ScalingRules.DefaultScaleDown with { StabilizationWindow = TimeSpan.Zero } };
        var sim = new Simulation(spec, 4);

        var down = sim.Decide([sim.Even(Cpu, 4 * 10), new MetricObservation(Rps)]);   // CPU wants 1; requests missing
        Assert.Equal(4, down.Desired);
        Assert.Contains("missing", down.Reason, StringComparison.Ordinal);
        Assert.Null(down.Metrics[1].Proposal);

        var up = sim.Decide([sim.Even(Cpu, 4 * 100), new MetricObservation(Rps)]);   // CPU wants 8
        Assert.Equal(8, up.Desired);

        var none = sim.Decide([new MetricObservation(Cpu), new MetricObservation(Rps)]);
        Assert.Equal(8, none.Desired);
        Assert.StartsWith("every metric is missing", none.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Replicas_without_samples_count_as_at_target_when_scaling_down_and_as_idle_when_scaling_up()
    {
        var spec = Simulation.Cpu(max: 20) with { ScaleDown = ScalingRules.DefaultScaleDown with { StabilizationWindow = TimeSpan.Zero } };
        var sim = new Simulation(spec, 4);

        // Two replicas at 10 %, two without samples: scaling down, the missing count as 50 % → (10+10+50+50)/4 = 30 % → ceil(4 × 0.6) = 3.
        var down = sim.Decide([Observation(Cpu, (true, 10), (true, 10), (true, null), (true, null))]);
        Assert.Equal(3, down.Desired);

        // Two at 100 % and one without a sample: scaling up, it counts as 0 → 200/3 = 66.7 % → ceil(3 × 1.33) = 4.
        var up = sim.Decide([Observation(Cpu, (true, 100), (true, 100), (true, null))]);
        Assert.Equal(4, up.Desired);
    }

    [Fact]
    public void Not_ready_replicas_are_left_out_of_cpu_and_count_as_idle_when_scaling_up()
    {
        var sim = new Simulation(Simulation.Cpu(max: 20), 3);

        // One ready replica at 100 % and two starting (whose CPU says nothing): 100/3 % → ceil(3 × 0.67) = 2 would be a
        // scale-down, which the HPA refuses once the starting replicas are counted as idle (the ratio reverses).
        var decision = sim.Decide([Observation(Cpu, (true, 100), (false, 90), (false, 95))]);
        Assert.Equal(3, decision.Desired);

        // Two ready at 150 %, one starting: counted as 0 → 100 % → ceil(3 × 2) = 6.
        var up = sim.Decide([Observation(Cpu, (true, 150), (true, 150), (false, 200))]);
        Assert.Equal(6, up.Desired);
    }

    [Fact]
    public void Scaling_up_acts_at_once_and_scaling_down_waits_for_the_300_second_window()
    {
        var sim = new Simulation(Simulation.Cpu(), 2);

        Assert.Equal(4, sim.Step(demand: 200).Desired);               // no scale-up window

        var counts = sim.Run(demand: 50, duration: TimeSpan.FromSeconds(285));
        Assert.All(counts, c => Assert.Equal(4, c));                  // the 4 recommended up to 285 s ago still counts
        Assert.Contains("scale-down stabilization window", sim.Decisions[^1].LimitedBy, StringComparison.Ordinal);

        Assert.Equal(1, sim.Step(demand: 50).Desired);                // at 300 s it has left the window
    }

    [Fact]
    public void The_scale_down_window_takes_the_highest_recommendation_within_it()
    {
        var spec = Simulation.Cpu() with { ScaleDown = ScalingRules.DefaultScaleDown with { StabilizationWindow = TimeSpan.FromSeconds(60) } };
        var sim = new Simulation(spec, 6);
        sim.Step(demand: 300);                                      // recommends 6
        sim.Step(demand: 150);                                      // recommends 3, held at 6
        Assert.Equal(6, sim.Replicas);
        var counts = sim.Run(demand: 100, duration: TimeSpan.FromSeconds(60));   // recommends 2
        Assert.Equal([6, 6, 3, 2], counts);                        // the 6 of t=0 leaves the window at 60 s, the 3 of t=15 at 75 s
        Assert.Equal(2, sim.Step(demand: 100).Desired);
    }

    [Fact]
    public void A_scale_up_window_takes_the_lowest_recommendation_within_it()
    {
        var spec = Simulation.Cpu(max: 20) with { ScaleUp = ScalingRules.DefaultScaleUp with { StabilizationWindow = TimeSpan.FromSeconds(30) } };
        var sim = new Simulation(spec, 2);
        sim.Step(demand: 100);                                      // recommends 2
        var held = sim.Step(demand: 300);                           // recommends 6, the 2 of 15 s ago holds it
        Assert.Equal(2, held.Desired);
        Assert.Contains("scale-up stabilization window", held.LimitedBy, StringComparison.Ordinal);
        Assert.Equal(6, sim.Step(demand: 300).Desired);             // 30 s later the 2 is out of the window
    }

    [Fact]
    public void The_default_scale_up_policy_allows_the_larger_of_four_replicas_and_one_hundred_percent_per_15_seconds()
    {
        var sim = new Simulation(Simulation.Cpu(max: 100), 1);
        var counts = sim.Run(demand: 2000, duration: TimeSpan.FromSeconds(60));   // wants 40
        Assert.Equal([5, 10, 20, 40], counts);                      // max(1+4, 1×2), max(5+4, 10), …
        Assert.Contains("scale-up policy", sim.Decisions[0].LimitedBy, StringComparison.Ordinal);
    }

    [Fact]
    public void A_count_policy_over_a_long_period_counts_what_was_added_within_it()
    {
        var spec = Simulation.Cpu(max: 100) with
        {
            ScaleUp = new ScalingRules { Policies = [ScalingPolicy.Replicas(2, TimeSpan.FromSeconds(60))] },
        };
        var sim = new Simulation(spec, 1);
        var counts = sim.Run(demand: 1000, duration: TimeSpan.FromSeconds(90));
        Assert.Equal([3, 3, 3, 3, 5, 5], counts);                   // 2 per 60 s sliding period
        Assert.Equal("scale-up policy 2 replicas per 60 s", sim.Decisions[1].LimitedBy);
    }

    [Fact]
    public void Percent_and_count_policies_for_scaling_down_with_min_and_max_selection()
    {
        var percent = Simulation.Cpu() with
        {
            ScaleDown = new ScalingRules { Policies = [ScalingPolicy.Percent(50, TimeSpan.FromSeconds(15)), ScalingPolicy.Replicas(1, TimeSpan.FromSeconds(15))], Select = ScalingPolicySelect.Max },
        };
        var sim = new Simulation(percent, 10);
        Assert.Equal([5, 2, 1], sim.Run(demand: 10, duration: TimeSpan.FromSeconds(45)));   // the policy removing more: 50 %, 50 %, then 1

        var min = percent with { ScaleDown = percent.ScaleDown with { Select = ScalingPolicySelect.Min } };
        var slow = new Simulation(min, 10);
        Assert.Equal([9, 8, 7], slow.Run(demand: 10, duration: TimeSpan.FromSeconds(45)));  // the policy removing less: 1

        var disabled = percent with { ScaleDown = percent.ScaleDown with { Select = ScalingPolicySelect.Disabled } };
        var never = new Simulation(disabled, 10);
        Assert.Equal([10, 10], never.Run(demand: 10, duration: TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Bounds_clamp_the_result_and_say_so()
    {
        var sim = new Simulation(Simulation.Cpu(min: 2, max: 4), 3);
        var high = sim.Step(demand: 1000);
        Assert.Equal(4, high.Desired);
        Assert.Equal("maximum of 4 replicas", high.LimitedBy);
    }

    [Fact]
    public void Custom_totals_propose_total_over_target_per_replica()
    {
        var queue = new MetricTarget { Source = MetricSource.Custom, Name = "queue", Target = 5, Read = _ => ValueTask.FromResult<double?>(0) };
        var sim = new Simulation(Simulation.Cpu(max: 20) with { Metrics = [queue] }, 2);
        Assert.Equal(2, sim.Decide([new MetricObservation(queue) { Total = 10.5 }]).Desired);   // 5.25 per replica: within 10 %
        var up = sim.Decide([new MetricObservation(queue) { Total = 40 }]);
        Assert.Equal(8, up.Metrics.Single().Proposal);
        Assert.Equal(6, up.Desired);                                 // the default scale-up policy: max(2 + 4, 2 × 2)
        Assert.Equal("scale-up policy 4 replicas per 15 s", up.LimitedBy);
    }

    [Fact]
    public void With_minimum_zero_an_idle_service_scales_to_zero_and_a_waiting_connection_wakes_it()
    {
        var spec = Simulation.Cpu(min: 0) with { IdlePeriod = TimeSpan.FromSeconds(60) };
        var sim = new Simulation(spec, 1);

        Assert.Equal(1, sim.Step(demand: 0, idleFor: TimeSpan.FromSeconds(45)).Desired);   // a running service keeps 1
        var zero = sim.Step(demand: 0, idleFor: TimeSpan.FromSeconds(60));
        Assert.Equal(0, zero.Desired);
        Assert.Contains("no connection for 60 s", zero.Reason, StringComparison.Ordinal);

        Assert.Equal(0, sim.Decide([], idleFor: TimeSpan.FromSeconds(75)).Desired);
        var wake = sim.Decide([], waiting: true);
        Assert.Equal(1, wake.Desired);
        Assert.Contains("connection waits", wake.Reason, StringComparison.Ordinal);
    }

    private static MetricObservation Observation(MetricTarget target, params (bool Ready, double? Value)[] replicas) => new(target)
    {
        Replicas = [.. replicas.Select((r, i) => new ReplicaValue($"r{i}", r.Ready, r.Value))],
    };
}
