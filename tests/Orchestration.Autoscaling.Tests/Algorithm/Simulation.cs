using Microsoft.Extensions.Time.Testing;
using Orchestration.Autoscaling;

namespace Orchestration.Autoscaling.Tests.Algorithm;

/// <summary>Drives a <see cref="ScaleDecider"/> on a fake clock, one decision per sync period, with a demand spread
/// evenly over the replicas (a demand of 300 on a CPU target of 50 % wants 6 replicas).</summary>
internal sealed class Simulation
{
    private readonly ScaleDecider _decider = new();

    public Simulation(AutoscalingSpec spec, int replicas)
    {
        Spec = spec;
        Replicas = replicas;
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public AutoscalingSpec Spec { get; }

    public int Replicas { get; private set; }

    public List<AutoscalerDecision> Decisions { get; } = [];

    public static AutoscalingSpec Cpu(int min = 1, int max = 10, double target = 50) => new()
    {
        MinReplicas = min,
        MaxReplicas = max,
        Metrics = [new MetricTarget { Source = MetricSource.Cpu, Name = "cpu", Target = target }],
    };

    /// <summary>One decision with <paramref name="demand"/> spread over the replicas, then the sync period passes.</summary>
    public AutoscalerDecision Step(double demand, TimeSpan? idleFor = null, bool waiting = false)
        => Decide([.. Spec.Metrics.Select(m => Even(m, demand))], idleFor, waiting);

    public AutoscalerDecision Decide(IReadOnlyList<MetricObservation> observations, TimeSpan? idleFor = null, bool waiting = false)
    {
        var decision = _decider.Decide(Time.GetUtcNow(), Spec, Replicas, observations, idleFor, waiting);
        Decisions.Add(decision);
        Replicas = decision.Desired;
        Time.Advance(Spec.SyncPeriod);
        return decision;
    }

    /// <summary>Runs decisions with the same demand for <paramref name="duration"/>; returns the replica count after each.</summary>
    public List<int> Run(double demand, TimeSpan duration)
    {
        var counts = new List<int>();
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += Spec.SyncPeriod)
        {
            counts.Add(Step(demand).Desired);
        }

        return counts;
    }

    public MetricObservation Even(MetricTarget target, double demand) => new(target)
    {
        Replicas = [.. Enumerable.Range(0, Replicas).Select(i => new ReplicaValue($"r{i}", true, demand / Math.Max(1, Replicas)))],
    };
}
