namespace Orchestration;

/// <summary>The schedule and policies of a typed workload declared with <c>Kind = WorkloadKind.CronJob</c> on
/// <see cref="WorkloadAttribute"/>. A setting not written keeps the default of <see cref="CronJobSpec"/>. The generator
/// checks the schedule's structure (field count, characters and simple ranges); the full parse, and the time zone,
/// are checked when the fleet is built.</summary>
/// <example><code>
/// [Workload("backup", Image = "shop/backup:1", Kind = WorkloadKind.CronJob)]
/// [CronJob("0 3 * * *", TimeZone = "Europe/Paris", ConcurrencyPolicy = ConcurrencyPolicy.Forbid)]
/// public partial class Backup;
/// </code></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class CronJobAttribute : Attribute
{
    /// <summary>Runs the job on <paramref name="schedule"/>.</summary>
    /// <param name="schedule">A cron expression: five fields (minute hour day-of-month month day-of-week), six with
    /// seconds first, or a macro such as "@hourly".</param>
    public CronJobAttribute(string schedule)
    {
        Schedule = schedule;
    }

    /// <summary>The cron expression.</summary>
    public string Schedule { get; }

    /// <summary>The IANA or Windows time zone the schedule is read in; UTC when not set.</summary>
    public string? TimeZone { get; set; }

    /// <summary>What happens when a run is due while another still runs.</summary>
    /// <value>The default value is <see cref="Orchestration.ConcurrencyPolicy.Allow"/>.</value>
    public ConcurrencyPolicy ConcurrencyPolicy { get; set; } = ConcurrencyPolicy.Allow;

    /// <summary>How late, in seconds, a run may start after its scheduled time; more than 0. No deadline when not
    /// set.</summary>
    public double StartingDeadlineSeconds { get; set; }

    /// <summary>Completed runs kept in the status; 0 or more.</summary>
    /// <value>The default value is 3.</value>
    public int SuccessfulRunsHistoryLimit { get; set; } = 3;

    /// <summary>Failed runs kept in the status; 0 or more.</summary>
    /// <value>The default value is 1.</value>
    public int FailedRunsHistoryLimit { get; set; } = 1;

    /// <summary>Whether new runs are held back.</summary>
    public bool Suspend { get; set; }
}
