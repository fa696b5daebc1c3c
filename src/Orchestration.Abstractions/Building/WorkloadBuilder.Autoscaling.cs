namespace Orchestration;

/// <summary>Autoscaling.</summary>
public sealed partial class WorkloadBuilder
{
    /// <summary>Scales the service between <paramref name="min"/> and <paramref name="max"/> replicas on the metrics
    /// <paramref name="configure"/> declares (with the HPA's algorithm and defaults); with <paramref name="min"/> 0 an
    /// idle service scales to zero and a connection to its service address wakes it. A manual scale of an autoscaled
    /// service is refused.</summary>
    public WorkloadBuilder Autoscale(int min, int max, Action<AutoscalingBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new AutoscalingBuilder(_spec.Autoscaling ?? new AutoscalingSpec { MaxReplicas = max });
        configure(builder);
        var spec = builder.Spec with { MinReplicas = min, MaxReplicas = max };
        return Set(s => s with { Autoscaling = spec });
    }
}
