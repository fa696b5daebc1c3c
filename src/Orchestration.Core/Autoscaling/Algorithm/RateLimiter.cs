namespace Orchestration.Autoscaling;

/// <summary>The HPA's rate policies and bounds: a change is limited by the policies of its direction over the
/// replicas at the start of each policy's period (the current count less what was added, plus what was removed,
/// within the period), the policy chosen by <see cref="ScalingRules.Select"/>, then by the bounds.</summary>
internal sealed class RateLimiter
{
    private readonly List<ScaleEvent> _events = [];

    public void Record(DateTimeOffset time, int change)
    {
        if (change != 0)
        {
            _events.Add(new ScaleEvent(time, change));
        }
    }

    public (int Replicas, string? HeldBy) Limit(DateTimeOffset now, int current, int desired, AutoscalingSpec spec, int min)
    {
        Prune(now, spec);
        if (desired > current)
        {
            var (limit, policy) = PolicyLimit(now, current, spec.ScaleUp, +1);
            limit = Math.Max(limit, current);
            var allowed = Math.Min(spec.MaxReplicas, limit);
            if (desired > allowed)
            {
                return (allowed, allowed == spec.MaxReplicas && spec.MaxReplicas <= limit
                    ? $"maximum of {spec.MaxReplicas} replicas"
                    : $"scale-up policy {policy}");
            }
        }
        else if (desired < current)
        {
            var (limit, policy) = PolicyLimit(now, current, spec.ScaleDown, -1);
            limit = Math.Min(limit, current);
            var allowed = Math.Max(min, limit);
            if (desired < allowed)
            {
                return (allowed, allowed == min && min >= limit
                    ? $"minimum of {min} replicas"
                    : $"scale-down policy {policy}");
            }
        }

        return (desired, null);
    }

    /// <summary>The furthest the policies of one direction let the count go (<paramref name="direction"/> +1 up, -1
    /// down): each policy's change from the count at the start of its period, the one that changes most
    /// (<see cref="ScalingPolicySelect.Max"/>) or least chosen; a percentage rounds away from the start.</summary>
    private (int Limit, string Policy) PolicyLimit(DateTimeOffset now, int current, ScalingRules rules, int direction)
    {
        if (rules.Select == ScalingPolicySelect.Disabled)
        {
            return (current, "disabled");
        }

        int? best = null;
        var chosen = "";
        foreach (var policy in rules.Policies)
        {
            var start = current - Added(now, policy.Period) + Removed(now, policy.Period);
            var proposed = policy.Type == ScalingPolicyType.Replicas
                ? start + (direction * policy.Value)
                : Round(start * (1 + (direction * policy.Value / 100.0)), direction);
            if (best is not { } previous
                || (rules.Select == ScalingPolicySelect.Max ? direction * proposed > direction * previous : direction * proposed < direction * previous))
            {
                best = proposed;
                chosen = policy.ToString();
            }
        }

        return (best ?? current, chosen);
    }

    private static int Round(double replicas, int direction) => direction > 0 ? (int)Math.Ceiling(replicas) : (int)replicas;

    private int Added(DateTimeOffset now, TimeSpan period) => _events.Where(e => e.Change > 0 && e.Time > now - period).Sum(e => e.Change);

    private int Removed(DateTimeOffset now, TimeSpan period) => _events.Where(e => e.Change < 0 && e.Time > now - period).Sum(e => -e.Change);

    private void Prune(DateTimeOffset now, AutoscalingSpec spec)
    {
        var longest = spec.ScaleUp.Policies.Concat(spec.ScaleDown.Policies).Select(p => p.Period).DefaultIfEmpty(TimeSpan.Zero).Max();
        _events.RemoveAll(e => e.Time <= now - longest);
    }
}
