namespace Orchestration;

/// <summary>When replicas restart and the backoff between restarts. A delay not set keeps the default of
/// <see cref="RestartDefaults"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RestartAttribute : Attribute
{
    /// <summary>Restarts replicas according to <paramref name="mode"/>.</summary>
    public RestartAttribute(RestartMode mode)
    {
        Mode = mode;
    }

    /// <summary>When to restart.</summary>
    public RestartMode Mode { get; }

    /// <summary>Delay before the first restart, in seconds; each further restart doubles it.</summary>
    public double InitialDelaySeconds { get; set; }

    /// <summary>The longest delay between restarts, in seconds.</summary>
    public double MaxDelaySeconds { get; set; }

    /// <summary>Seconds a replica must run without failing for its backoff to start again.</summary>
    public double ResetAfterSeconds { get; set; }
}
