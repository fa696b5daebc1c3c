namespace Orchestration.Autoscaling;

/// <summary>The HorizontalPodAutoscaler's replica calculation for one metric: desired = ceil(current × value ÷ target)
/// unless the ratio is within the tolerance; replicas without a sample count as at the target when scaling down and as
/// idle when scaling up; not-ready replicas (for CPU) are left out, and count as idle when scaling up; a change that
/// those assumptions reverse or bring within the tolerance is dropped.</summary>
internal static class ReplicaCalculator
{
    public static Proposal Propose(int current, MetricObservation observation, double tolerance)
    {
        var target = observation.Target.Target;
        if (observation.Replicas is { } replicas)
        {
            return PerReplica(current, replicas, target, tolerance, observation.IgnoreNotReady);
        }

        if (observation.Total is { } total)
        {
            return Total(current, total, target, tolerance);
        }

        return new Proposal(null, null);
    }

    /// <summary>A value of the whole service against a target average per replica (the HPA's external
    /// <c>AverageValue</c>).</summary>
    public static Proposal Total(int current, double total, double targetAverage, double tolerance)
    {
        if (current == 0)
        {
            return new Proposal((int)Math.Ceiling(total / targetAverage), total);
        }

        var ratio = total / (targetAverage * current);
        var average = total / current;
        return Math.Abs(1 - ratio) <= tolerance
            ? new Proposal(current, average)
            : new Proposal((int)Math.Ceiling(total / targetAverage), average);
    }

    public static Proposal PerReplica(int current, IReadOnlyList<ReplicaValue> replicas, double target, double tolerance, bool ignoreNotReady)
    {
        var values = new List<double>();
        var missing = 0;
        var notReady = 0;
        foreach (var replica in replicas)
        {
            if (ignoreNotReady && !replica.Ready)
            {
                notReady++;
            }
            else if (replica.Value is { } value)
            {
                values.Add(value);
            }
            else
            {
                missing++;
            }
        }

        if (values.Count == 0)
        {
            return new Proposal(null, null);
        }

        var average = values.Average();
        var ratio = average / target;
        var scaleUpWithNotReady = notReady > 0 && ratio > 1;
        if (!scaleUpWithNotReady && missing == 0)
        {
            return Math.Abs(1 - ratio) <= tolerance
                ? new Proposal(current, average)
                : new Proposal((int)Math.Ceiling(ratio * values.Count), average);
        }

        var sum = values.Sum();
        var count = values.Count;
        if (missing > 0)
        {
            sum += ratio < 1 ? missing * target : 0;
            count += missing;
        }

        if (scaleUpWithNotReady)
        {
            count += notReady;
        }

        var newRatio = sum / count / target;
        if (Math.Abs(1 - newRatio) <= tolerance || (ratio < 1 && newRatio > 1) || (ratio > 1 && newRatio < 1))
        {
            return new Proposal(current, average);
        }

        var proposed = (int)Math.Ceiling(newRatio * count);
        if ((newRatio < 1 && proposed > current) || (newRatio > 1 && proposed < current))
        {
            return new Proposal(current, average);
        }

        return new Proposal(proposed, average);
    }
}
