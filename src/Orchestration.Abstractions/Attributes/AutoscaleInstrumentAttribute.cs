namespace Orchestration;

/// <summary>A metric of the typed service's <see cref="AutoscaleAttribute"/>: a
/// <see cref="System.Diagnostics.Metrics"/> instrument of this process, read with a <c>MeterListener</c>, with a target
/// per replica (the attribute form of <see cref="AutoscalingBuilder.Instrument"/>). A counter counts as its rate per
/// second, an up-down counter as its total, a gauge as its last values summed over tags. Repeat the attribute for
/// several instruments; each needs <c>[Autoscale]</c> on the same class.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class AutoscaleInstrumentAttribute : Attribute
{
    /// <summary>Scales on instrument <paramref name="instrument"/> of meter <paramref name="meter"/>, aiming at
    /// <paramref name="perReplica"/> per replica.</summary>
    public AutoscaleInstrumentAttribute(string meter, string instrument, double perReplica)
    {
        Meter = meter;
        Instrument = instrument;
        PerReplica = perReplica;
    }

    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> that creates the instrument.</summary>
    public string Meter { get; }

    /// <summary>The instrument's name; also the metric's name in decisions and status.</summary>
    public string Instrument { get; }

    /// <summary>The target value per replica (positive).</summary>
    public double PerReplica { get; }
}
