using System.Globalization;

namespace Orchestration;

/// <summary>Autoscaling rules.</summary>
internal static partial class SpecValidator
{
    private static void ValidateAutoscaling(WorkloadSpec w, string at, List<ValidationProblem> problems)
    {
        if (w.Autoscaling is not { } a)
        {
            return;
        }

        at += ".autoscaling";
        if (w.Kind != WorkloadKind.Service)
        {
            problems.Add(new($"{at}", w.Kind.ToString(), "is only for services"));
        }

        if (a.MinReplicas < 0)
        {
            problems.Add(new($"{at}.minReplicas", Text(a.MinReplicas), "must be 0 or more"));
        }

        if (a.MaxReplicas < 1 || a.MaxReplicas < a.MinReplicas)
        {
            problems.Add(new($"{at}.maxReplicas", Text(a.MaxReplicas), $"must be at least 1 and at least minReplicas ({Text(a.MinReplicas)})"));
        }

        if (a.Metrics.IsDefaultOrEmpty && a.MinReplicas > 0)
        {
            problems.Add(new($"{at}.metrics", "[]", "must name at least one metric (only a service with minReplicas 0 may scale on idleness alone)"));
        }

        if (a.MinReplicas == 0 && !w.Ports.Any(p => p.Protocol == PortProtocol.Tcp))
        {
            problems.Add(new($"{at}.minReplicas", "0", "needs a TCP port: a service at zero is woken by a connection to its service address"));
        }

        if (a.SyncPeriod <= TimeSpan.Zero)
        {
            problems.Add(new($"{at}.syncPeriod", Text(a.SyncPeriod), "must be positive"));
        }

        if (a.IdlePeriod <= TimeSpan.Zero)
        {
            problems.Add(new($"{at}.idlePeriod", Text(a.IdlePeriod), "must be positive"));
        }

        if (a.Tolerance is < 0 or >= 1 || double.IsNaN(a.Tolerance))
        {
            problems.Add(new($"{at}.tolerance", Text(a.Tolerance), "must be at least 0 and less than 1"));
        }

        foreach (var m in a.Metrics.IsDefault ? [] : a.Metrics)
        {
            var field = $"{at}.metrics[\"{m.Name}\"]";
            if (!(m.Target > 0) || double.IsInfinity(m.Target))
            {
                problems.Add(new($"{field}.target", Text(m.Target), "must be a positive number"));
            }

            if (string.IsNullOrWhiteSpace(m.Name))
            {
                problems.Add(new($"{at}.metrics", m.Source.ToString(), "needs a name"));
            }

            if (m.Source == MetricSource.Cpu && w.Resources.EffectiveCpuMillicores <= 0)
            {
                problems.Add(new($"{field}", "cpu", "needs a CPU request (or limit): utilization is a share of it"));
            }

            if (m.Source == MetricSource.Memory && w.Resources.EffectiveMemoryBytes <= 0)
            {
                problems.Add(new($"{field}", "memory", "needs a memory request (or limit): utilization is a share of it"));
            }

            if (m.Source == MetricSource.Custom && m.Read is null)
            {
                problems.Add(new($"{field}.read", "null", "a custom metric needs a delegate"));
            }

            if (m.Source == MetricSource.Instrument && (string.IsNullOrWhiteSpace(m.Meter) || string.IsNullOrWhiteSpace(m.Instrument)))
            {
                problems.Add(new($"{field}", m.Meter + "/" + m.Instrument, "an instrument metric needs a meter name and an instrument name"));
            }

            if (m.Source is MetricSource.RequestsPerSecond or MetricSource.Connections && !w.Ports.Any(p => p.Protocol == PortProtocol.Tcp))
            {
                problems.Add(new($"{field}", m.Name, "needs a TCP port: it is measured on the service addresses"));
            }
        }

        ValidateRules(a.ScaleUp, $"{at}.scaleUp", problems);
        ValidateRules(a.ScaleDown, $"{at}.scaleDown", problems);
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static void ValidateRules(ScalingRules rules, string at, List<ValidationProblem> problems)
    {
        if (rules.StabilizationWindow < TimeSpan.Zero)
        {
            problems.Add(new($"{at}.stabilizationWindow", Text(rules.StabilizationWindow), "must not be negative"));
        }

        if (rules.Select != ScalingPolicySelect.Disabled && rules.Policies.IsDefaultOrEmpty)
        {
            problems.Add(new($"{at}.policies", "[]", "must hold at least one policy unless the direction is disabled"));
        }

        foreach (var policy in rules.Policies.IsDefault ? [] : rules.Policies)
        {
            if (policy.Value <= 0)
            {
                problems.Add(new($"{at}.policies", policy.ToString(), "value must be positive"));
            }

            if (policy.Period <= TimeSpan.Zero)
            {
                problems.Add(new($"{at}.policies", policy.ToString(), "period must be positive"));
            }
        }
    }
}
