namespace Orchestration.Reconciliation;

/// <summary>A cron job's memory: the last time it acted on the schedule, and its runs (active and finished).</summary>
internal sealed class CronJobState
{
    public CronJobState(DateTimeOffset lastScheduleTime)
    {
        LastScheduleTime = lastScheduleTime;
    }

    /// <summary>Occurrences up to this time are dealt with (run, or skipped).</summary>
    public DateTimeOffset LastScheduleTime { get; set; }

    /// <summary>The scheduled time of the last run started, for the status.</summary>
    public DateTimeOffset? LastRunScheduledAt { get; set; }

    /// <summary>The occurrence a Forbid skip was already reported for.</summary>
    public DateTimeOffset? ReportedSkip { get; set; }

    public List<CronJobRun> Runs { get; } = [];
}

/// <summary>One run: a job of its own, with a book of its own (replicas and counters).</summary>
internal sealed class CronJobRun
{
    public CronJobRun(string workload, string id, DateTimeOffset scheduledAt, DateTimeOffset startedAt)
    {
        Id = id;
        ScheduledAt = scheduledAt;
        StartedAt = startedAt;
        Book = new WorkloadBook(workload) { DependenciesMet = true, RunId = id };
    }

    public string Id { get; }

    public DateTimeOffset ScheduledAt { get; }

    public DateTimeOffset StartedAt { get; }

    public DateTimeOffset? FinishedAt { get; set; }

    public WorkloadBook Book { get; }

    public bool IsActive => FinishedAt is null;

    public CronJobRunStatus ToStatus(string workload) => new()
    {
        Id = Id,
        ScheduledAt = ScheduledAt,
        StartedAt = StartedAt,
        FinishedAt = FinishedAt,
        Phase = Book.Finished ?? WorkloadPhase.Progressing,
        Succeeded = Book.Succeeded,
        Failed = Book.Failed,
        Replicas = [.. Book.Replicas.Values.OrderBy(r => r.CreatedAt).Select(r => r.ToStatus(workload))],
    };
}
