namespace Orchestration;

/// <summary>Which of a workload's three probes a probe attribute sets.</summary>
public enum ProbeTarget
{
    /// <summary>The startup probe, which gates the other two until it passes once.</summary>
    Startup,

    /// <summary>The readiness probe, which decides Ready and the endpoints.</summary>
    Readiness,

    /// <summary>The liveness probe; failing it restarts the replica.</summary>
    Liveness,
}
