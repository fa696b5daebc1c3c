namespace Orchestration;

/// <summary>Scales a typed service between <see cref="Min"/> and <see cref="Max"/> replicas on the metrics whose
/// targets are set, with the HPA's algorithm and defaults (see <see cref="WorkloadBuilder.Autoscale"/>); a setting not
/// given keeps its default. Instruments of this process are added with <see cref="AutoscaleInstrumentAttribute"/>;
/// custom delegates are declared with the fluent builder.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AutoscaleAttribute : Attribute
{
    /// <summary>Scales between <paramref name="min"/> and <paramref name="max"/> replicas.</summary>
    public AutoscaleAttribute(int min, int max)
    {
        Min = min;
        Max = max;
    }

    /// <summary>The fewest replicas; 0 scales an idle service to zero.</summary>
    public int Min { get; }

    /// <summary>The most replicas.</summary>
    public int Max { get; }

    /// <summary>Target average CPU use in percent of the CPU request.</summary>
    public double CpuUtilization { get; set; }

    /// <summary>Target average memory use in percent of the memory request.</summary>
    public double MemoryUtilization { get; set; }

    /// <summary>Target new connections per second per replica through the service addresses.</summary>
    public double RequestsPerSecond { get; set; }

    /// <summary>Target open connections per replica through the service addresses.</summary>
    public double Connections { get; set; }

    /// <summary>Seconds between decisions.</summary>
    public double SyncPeriodSeconds { get; set; }

    /// <summary>With <see cref="Min"/> 0: idle seconds before scaling to zero.</summary>
    public double IdleSeconds { get; set; }

    /// <summary>The scale-up stabilization window in seconds.</summary>
    public double ScaleUpWindowSeconds { get; set; }

    /// <summary>The scale-down stabilization window in seconds.</summary>
    public double ScaleDownWindowSeconds { get; set; }
}
