namespace Orchestration.Events;

/// <summary>A job reached its completions.</summary>
public sealed class JobCompleted : OrchestrationEvent
{
    /// <summary>Successful runs.</summary>
    public required int Succeeded { get; init; }

    /// <summary>Failed runs on the way.</summary>
    public required int Failed { get; init; }

    /// <inheritdoc />
    public override string Message => $"Job '{Workload}' completed: {Succeeded} succeeded, {Failed} failed";
}

/// <summary>A job's failed runs exceeded its backoff limit; its replicas were stopped.</summary>
public sealed class JobFailed : OrchestrationEvent
{
    /// <summary>Failed runs.</summary>
    public required int Failed { get; init; }

    /// <summary>The backoff limit.</summary>
    public required int BackoffLimit { get; init; }

    /// <inheritdoc />
    public override string Message => $"Job '{Workload}' failed: {Failed} failed runs exceed the backoff limit {BackoffLimit}";

    /// <inheritdoc />
    public override bool IsWarning => true;
}
