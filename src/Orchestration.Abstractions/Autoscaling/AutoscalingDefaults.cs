namespace Orchestration;

/// <summary>The autoscaler's defaults, those of Kubernetes' HorizontalPodAutoscaler where it has one.</summary>
public static class AutoscalingDefaults
{
    /// <summary>Time between two decisions: 15 seconds.</summary>
    public static readonly TimeSpan SyncPeriod = TimeSpan.FromSeconds(15);

    /// <summary>Ratio tolerance: 0.1.</summary>
    public const double Tolerance = 0.1;

    /// <summary>Idle time before a service with minimum 0 scales to zero: 5 minutes.</summary>
    public static readonly TimeSpan IdlePeriod = TimeSpan.FromMinutes(5);

    /// <summary>Scale-up stabilization window: zero.</summary>
    public static readonly TimeSpan ScaleUpWindow = TimeSpan.Zero;

    /// <summary>Scale-down stabilization window: 300 seconds.</summary>
    public static readonly TimeSpan ScaleDownWindow = TimeSpan.FromSeconds(300);

    /// <summary>Period of the default rate policies: 15 seconds.</summary>
    public static readonly TimeSpan PolicyPeriod = TimeSpan.FromSeconds(15);
}
