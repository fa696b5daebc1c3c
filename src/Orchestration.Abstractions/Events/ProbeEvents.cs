namespace Orchestration.Events;

/// <summary>A replica's probe reached its failure threshold.</summary>
public sealed class ProbeFailed : ReplicaEvent
{
    /// <summary>Which probe failed.</summary>
    public required ProbeTarget Probe { get; init; }

    /// <summary>The last check's failure, such as "status 503", "connection refused" or "timed out after 1 s".</summary>
    public required string Reason { get; init; }

    /// <summary>Consecutive failed checks.</summary>
    public required int Failures { get; init; }

    /// <inheritdoc />
    public override string Message => $"Replica {Workload}/{ReplicaId} {Probe.ToString().ToLowerInvariant()} probe failed: {Reason} ({Failures} in a row)";

    /// <inheritdoc />
    public override bool IsWarning => true;
}

/// <summary>A replica's probe passed its success threshold (after starting, or after failing).</summary>
public sealed class ProbePassed : ReplicaEvent
{
    /// <summary>Which probe passed.</summary>
    public required ProbeTarget Probe { get; init; }

    /// <inheritdoc />
    public override string Message => $"Replica {Workload}/{ReplicaId} {Probe.ToString().ToLowerInvariant()} probe passed";
}

/// <summary>A replica failed its liveness (or startup) probe and is restarted.</summary>
public sealed class ReplicaUnhealthy : ReplicaEvent
{
    /// <summary>Why, such as "liveness probe failed: exit code 1".</summary>
    public required string Reason { get; init; }

    /// <inheritdoc />
    public override string Message => $"Replica {Workload}/{ReplicaId} is unhealthy and restarts: {Reason}";

    /// <inheritdoc />
    public override bool IsWarning => true;
}
