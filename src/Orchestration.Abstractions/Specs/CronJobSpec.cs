namespace Orchestration;

/// <summary>When and how a cron job runs (Kubernetes' CronJob fields). Each run is a job with the workload's
/// <see cref="WorkloadSpec.Job"/> settings.</summary>
public sealed record CronJobSpec
{
    /// <summary>No schedule (invalid until set), UTC, Allow, no deadline, history 3 and 1, not suspended.</summary>
    public static CronJobSpec Default { get; } = new();

    /// <summary>A standard cron expression: five fields (minute hour day-of-month month day-of-week), or six with
    /// seconds first; macros such as <c>@hourly</c> are accepted.</summary>
    public string Schedule { get; init; } = string.Empty;

    /// <summary>The IANA or Windows time zone the schedule is read in; <see langword="null"/> for UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary>What happens when a run is due while another still runs.</summary>
    /// <value>The default value is <see cref="ConcurrencyPolicy.Allow"/>.</value>
    public ConcurrencyPolicy ConcurrencyPolicy { get; init; } = ConcurrencyPolicy.Allow;

    /// <summary>How late a run may start after its scheduled time (after a host was down, or while a Forbid policy held
    /// it back); a run that would start later is skipped. <see langword="null"/>: no deadline.</summary>
    public TimeSpan? StartingDeadline { get; init; }

    /// <summary>Completed runs kept in the status (with their exit codes and last log lines).</summary>
    /// <value>The default value is 3.</value>
    public int SuccessfulRunsHistoryLimit { get; init; } = 3;

    /// <summary>Failed runs kept in the status.</summary>
    /// <value>The default value is 1.</value>
    public int FailedRunsHistoryLimit { get; init; } = 1;

    /// <summary>Whether new runs are held back; runs already started go on.</summary>
    public bool Suspend { get; init; }
}

/// <summary>What a cron job does when a run is due while another still runs.</summary>
public enum ConcurrencyPolicy
{
    /// <summary>Runs overlap.</summary>
    Allow,

    /// <summary>The new run is skipped.</summary>
    Forbid,

    /// <summary>The running run is stopped and the new one starts.</summary>
    Replace,
}
