namespace Orchestration.Events;

/// <summary>A cron job started a run.</summary>
public sealed class CronJobRunStarted : OrchestrationEvent
{
    /// <summary>The run's id.</summary>
    public required string RunId { get; init; }

    /// <summary>The time the schedule gave for it.</summary>
    public required DateTimeOffset ScheduledAt { get; init; }

    /// <inheritdoc />
    public override string Message => $"Cron job '{Workload}' started run {RunId} scheduled for {ScheduledAt:u}";
}

/// <summary>A cron job's run due at <see cref="ScheduledAt"/> was not started.</summary>
public sealed class CronJobRunSkipped : OrchestrationEvent
{
    /// <summary>The time the schedule gave for it.</summary>
    public required DateTimeOffset ScheduledAt { get; init; }

    /// <summary>Why: another run still runs under Forbid, or the starting deadline passed.</summary>
    public required string Reason { get; init; }

    /// <inheritdoc />
    public override string Message => $"Cron job '{Workload}' skipped the run scheduled for {ScheduledAt:u}: {Reason}";
}

/// <summary>A cron job's run completed, failed, or was stopped to make way for a newer one (Replace).</summary>
public sealed class CronJobRunFinished : OrchestrationEvent
{
    /// <summary>The run's id.</summary>
    public required string RunId { get; init; }

    /// <summary>Completed or Failed.</summary>
    public required WorkloadPhase Outcome { get; init; }

    /// <summary>Why it ended, when it did not simply complete.</summary>
    public string? Reason { get; init; }

    /// <inheritdoc />
    public override string Message => $"Cron job '{Workload}' run {RunId} {(Outcome == WorkloadPhase.Completed ? "completed" : "failed")}{(Reason is null ? string.Empty : $": {Reason}")}";

    /// <inheritdoc />
    public override bool IsWarning => Outcome != WorkloadPhase.Completed;
}
