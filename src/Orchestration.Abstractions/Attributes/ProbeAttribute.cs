namespace Orchestration;

/// <summary>Timings shared by the probe attributes. A timing not set keeps the default of <see cref="ProbeDefaults"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public abstract class ProbeAttribute : Attribute
{
    /// <summary>Sets the probe <paramref name="target"/>.</summary>
    protected ProbeAttribute(ProbeTarget target)
    {
        Target = target;
    }

    /// <summary>Which probe this sets.</summary>
    public ProbeTarget Target { get; }

    /// <summary>Wait before the first check, in seconds.</summary>
    public double InitialDelaySeconds { get; set; }

    /// <summary>Time between checks, in seconds.</summary>
    public double PeriodSeconds { get; set; }

    /// <summary>Time one check may take, in seconds.</summary>
    public double TimeoutSeconds { get; set; }

    /// <summary>Consecutive successes that make the probe pass.</summary>
    public int SuccessThreshold { get; set; }

    /// <summary>Consecutive failures that make the probe fail.</summary>
    public int FailureThreshold { get; set; }
}
