namespace Orchestration;

/// <summary>Declares an autoscaler's metrics and behaviour; used by <see cref="WorkloadBuilder.Autoscale"/>.</summary>
public sealed class AutoscalingBuilder
{
    internal AutoscalingBuilder(AutoscalingSpec spec)
    {
        Spec = spec;
    }

    internal AutoscalingSpec Spec { get; private set; }

    /// <summary>Aims at an average CPU use of <paramref name="utilizationPercent"/> % of each replica's CPU request.</summary>
    public AutoscalingBuilder Cpu(double utilizationPercent) => Add(MetricSource.Cpu, "cpu", utilizationPercent);

    /// <summary>Aims at an average memory use of <paramref name="utilizationPercent"/> % of each replica's memory request.</summary>
    public AutoscalingBuilder Memory(double utilizationPercent) => Add(MetricSource.Memory, "memory", utilizationPercent);

    /// <summary>Aims at <paramref name="perReplica"/> new connections per second per replica through the service addresses.</summary>
    public AutoscalingBuilder RequestsPerSecond(double perReplica) => Add(MetricSource.RequestsPerSecond, "requests_per_second", perReplica);

    /// <summary>Aims at <paramref name="perReplica"/> open connections per replica through the service addresses.</summary>
    public AutoscalingBuilder Connections(double perReplica) => Add(MetricSource.Connections, "connections", perReplica);

    /// <summary>Aims at <paramref name="perReplica"/> of a value <paramref name="read"/> returns for the whole service
    /// (such as a queue's length); a <see langword="null"/> value counts as missing.</summary>
    public AutoscalingBuilder Custom(string name, double perReplica, Func<CancellationToken, ValueTask<double?>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return Set(s => s with { Metrics = s.Metrics.Add(new MetricTarget { Source = MetricSource.Custom, Name = name, Target = perReplica, Read = read }) });
    }

    /// <summary>Aims at <paramref name="perReplica"/> of a <see cref="System.Diagnostics.Metrics"/> instrument of this
    /// process: a counter's rate per second, an up-down counter's total, or a gauge's last value, summed over tags.</summary>
    public AutoscalingBuilder Instrument(string meter, string instrument, double perReplica)
        => Set(s => s with { Metrics = s.Metrics.Add(new MetricTarget { Source = MetricSource.Instrument, Name = instrument, Meter = meter, Instrument = instrument, Target = perReplica }) });

    /// <summary>With minimum 0: scales to zero after <paramref name="idle"/> with no connection through the service addresses.</summary>
    public AutoscalingBuilder ScaleToZeroAfter(TimeSpan idle) => Set(s => s with { IdlePeriod = idle });

    /// <summary>Sets how often it decides.</summary>
    public AutoscalingBuilder SyncPeriod(TimeSpan period) => Set(s => s with { SyncPeriod = period });

    /// <summary>Sets the ratio tolerance.</summary>
    public AutoscalingBuilder Tolerance(double tolerance) => Set(s => s with { Tolerance = tolerance });

    /// <summary>Sets the stabilization windows; <see langword="null"/> keeps a default.</summary>
    public AutoscalingBuilder StabilizationWindows(TimeSpan? scaleUp = null, TimeSpan? scaleDown = null)
        => Set(s => s with
        {
            ScaleUp = s.ScaleUp with { StabilizationWindow = scaleUp ?? s.ScaleUp.StabilizationWindow },
            ScaleDown = s.ScaleDown with { StabilizationWindow = scaleDown ?? s.ScaleDown.StabilizationWindow },
        });

    /// <summary>Replaces the scale-up rate policies.</summary>
    public AutoscalingBuilder ScaleUpPolicies(ScalingPolicySelect select, params ScalingPolicy[] policies)
        => Set(s => s with { ScaleUp = s.ScaleUp with { Select = select, Policies = [.. policies] } });

    /// <summary>Replaces the scale-down rate policies.</summary>
    public AutoscalingBuilder ScaleDownPolicies(ScalingPolicySelect select, params ScalingPolicy[] policies)
        => Set(s => s with { ScaleDown = s.ScaleDown with { Select = select, Policies = [.. policies] } });

    private AutoscalingBuilder Add(MetricSource source, string name, double target)
        => Set(s => s with { Metrics = s.Metrics.Add(new MetricTarget { Source = source, Name = name, Target = target }) });

    private AutoscalingBuilder Set(Func<AutoscalingSpec, AutoscalingSpec> change)
    {
        Spec = change(Spec);
        return this;
    }
}
