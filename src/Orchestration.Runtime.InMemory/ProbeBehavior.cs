namespace Orchestration.InMemory;

/// <summary>How simulated containers answer their probes. Containers without a behaviour pass every probe.</summary>
public sealed record ProbeBehavior
{
    /// <summary>Passes every probe.</summary>
    public static ProbeBehavior Healthy { get; } = new();

    /// <summary>Fails readiness with <paramref name="failure"/>; startup and liveness pass.</summary>
    public static ProbeBehavior NotReady(string failure = "status 503") => new() { Readiness = false, Failure = failure };

    /// <summary>Fails liveness with <paramref name="failure"/>; startup and readiness pass.</summary>
    public static ProbeBehavior NotLive(string failure = "status 500") => new() { Liveness = false, Failure = failure };

    /// <summary>Whether the startup probe passes.</summary>
    public bool Startup { get; init; } = true;

    /// <summary>Whether the readiness probe passes.</summary>
    public bool Readiness { get; init; } = true;

    /// <summary>Whether the liveness probe passes.</summary>
    public bool Liveness { get; init; } = true;

    /// <summary>Startup and readiness fail until the container has run this long.</summary>
    /// <value>The default value is zero.</value>
    public TimeSpan ReadyAfter { get; init; }

    /// <summary>What a failed check reports, such as "status 503".</summary>
    public string Failure { get; init; } = "status 503";
}
