using System.Collections.Immutable;
using System.Globalization;

namespace Orchestration.Autoscaling;

/// <summary>The decision of one autoscaler, as the HPA takes it: a proposal per metric, the highest wins; with a metric
/// missing no scale-down; the stabilization windows, then the rate policies and bounds. Extended with scale to zero:
/// with minimum 0 a running service counts 1 as its floor until it has been idle for the idle period, and a service
/// at zero scales to 1 when a connection waits for it or a service-wide metric is above zero. Pure: time comes in
/// as an argument.</summary>
internal sealed class ScaleDecider
{
    private readonly Stabilizer _stabilizer = new();
    private readonly RateLimiter _limiter = new();

    public AutoscalerDecision Decide(DateTimeOffset now, AutoscalingSpec spec, int current, IReadOnlyList<MetricObservation> observations, TimeSpan? idleFor, bool connectionWaiting)
    {
        var decision = DecideCore(now, spec, current, observations, idleFor, connectionWaiting);
        _limiter.Record(now, decision.Desired - decision.Current);
        return decision;
    }

    private AutoscalerDecision DecideCore(DateTimeOffset now, AutoscalingSpec spec, int current, IReadOnlyList<MetricObservation> observations, TimeSpan? idleFor, bool connectionWaiting)
    {
        var floor = Math.Max(1, spec.MinReplicas);
        var readings = new List<MetricReading>();
        var proposals = new List<int>();
        foreach (var observation in observations)
        {
            var proposal = ReplicaCalculator.Propose(current, observation, spec.Tolerance);
            readings.Add(new MetricReading(observation.Target.Name, proposal.Value, observation.Target.Target, proposal.Replicas));
            if (proposal.Replicas is { } replicas)
            {
                proposals.Add(replicas);
            }
        }

        var metrics = readings.ToImmutableArray();
        var missing = readings.Where(r => r.Proposal is null).Select(r => r.Name).ToList();

        if (current == 0)
        {
            if (spec.MinReplicas > 0)
            {
                return new(0, spec.MinReplicas, spec.MinReplicas, metrics, null, $"below the minimum of {spec.MinReplicas} replicas");
            }

            if (connectionWaiting)
            {
                return new(0, 1, 1, metrics, null, "a connection waits at the service address of a service at zero");
            }

            var wanted = Math.Min(spec.MaxReplicas, proposals.DefaultIfEmpty(0).Max());
            return wanted > 0
                ? new(0, wanted, wanted, metrics, null, "a metric of the service at zero is above zero: " + Describe(readings))
                : new(0, 0, 0, metrics, null, "at zero; a connection to the service address wakes it");
        }

        if (current > spec.MaxReplicas)
        {
            return new(current, spec.MaxReplicas, spec.MaxReplicas, metrics, null, $"above the maximum of {spec.MaxReplicas} replicas");
        }

        if (current < floor)
        {
            return new(current, floor, floor, metrics, null, $"below the minimum of {floor} replicas");
        }

        if (spec.MinReplicas == 0 && idleFor is { } idle && idle >= spec.IdlePeriod && !connectionWaiting
            && proposals.All(p => p <= floor))
        {
            return new(current, 0, 0, metrics, null, string.Create(CultureInfo.InvariantCulture, $"no connection for {idle.TotalSeconds:0.#} s (idle period {spec.IdlePeriod.TotalSeconds:0.#} s): scale to zero"));
        }

        if (observations.Count > 0 && proposals.Count == 0)
        {
            return new(current, current, current, metrics, null, "every metric is missing: " + string.Join(", ", missing));
        }

        var recommendation = proposals.Count == 0 ? current : proposals.Max();
        if (missing.Count > 0 && recommendation < current)
        {
            return new(current, current, recommendation, metrics, null, $"not scaling down while metrics are missing ({string.Join(", ", missing)}): {Describe(readings)}");
        }

        var (stabilized, window) = _stabilizer.Stabilize(now, current, recommendation, spec.ScaleUp.StabilizationWindow, spec.ScaleDown.StabilizationWindow);
        var (limited, policy) = _limiter.Limit(now, current, stabilized, spec, floor);
        var desired = Math.Clamp(limited, floor, spec.MaxReplicas);
        var heldBy = window ?? policy;
        if (heldBy is null && desired != recommendation)
        {
            heldBy = recommendation > spec.MaxReplicas ? $"maximum of {spec.MaxReplicas} replicas" : $"minimum of {floor} replicas";
        }

        var reason = desired == current && recommendation == current && observations.Count > 0
            ? "no change proposed: " + Describe(readings)
            : Describe(readings);
        return new(current, desired, recommendation, metrics, heldBy, reason);
    }

    private static string Describe(List<MetricReading> readings)
        => readings.Count == 0 ? "no metric" : string.Join("; ", readings.Select(r => r.ToString()));
}
