namespace Orchestration;

/// <summary>When a stopped replica is started again.</summary>
public enum RestartMode
{
    /// <summary>Always; the only choice for services and daemon sets.</summary>
    Always,

    /// <summary>Only when it exited with a non-zero code; the default for jobs.</summary>
    OnFailure,

    /// <summary>Never; a failed job replica is replaced by a new one until the backoff limit.</summary>
    Never,
}

/// <summary>How replicas are restarted: the mode and an exponential backoff between attempts.</summary>
public sealed record RestartPolicy
{
    /// <summary>Always restart with the default backoff.</summary>
    public static RestartPolicy Default { get; } = new();

    /// <summary>When to restart.</summary>
    /// <value>The default value is <see cref="RestartMode.Always"/>.</value>
    public RestartMode Mode { get; init; } = RestartMode.Always;

    /// <summary>Delay before the first restart; each further restart doubles it.</summary>
    /// <value>The default value is 1 second (Kubernetes: 10 s).</value>
    public TimeSpan InitialDelay { get; init; } = RestartDefaults.InitialDelay;

    /// <summary>The longest delay between restarts.</summary>
    /// <value>The default value is 60 seconds (Kubernetes: 300 s).</value>
    public TimeSpan MaxDelay { get; init; } = RestartDefaults.MaxDelay;

    /// <summary>How long a replica must run without failing for its backoff to start again from
    /// <see cref="InitialDelay"/>.</summary>
    /// <value>The default value is 10 minutes.</value>
    public TimeSpan ResetAfter { get; init; } = RestartDefaults.ResetAfter;
}

/// <summary>Default restart backoff; apps read it on <see cref="RestartPolicy.Default"/>.</summary>
internal static class RestartDefaults
{
    /// <summary>1 second.</summary>
    public static readonly TimeSpan InitialDelay = TimeSpan.FromSeconds(1);

    /// <summary>60 seconds.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    /// <summary>10 minutes.</summary>
    public static readonly TimeSpan ResetAfter = TimeSpan.FromMinutes(10);
}
