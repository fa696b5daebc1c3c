namespace Orchestration.Generators.Model;

/// <summary>The schedule and policies of a cron job. <see cref="ConcurrencyPolicy"/> is the C# expression of the enum
/// value; a value not declared is unset and keeps the default of <c>CronJobSpec</c>.</summary>
internal sealed record CronJobModel(
    string Schedule,
    string? TimeZone,
    string? ConcurrencyPolicy,
    double? StartingDeadlineSeconds,
    int? SuccessfulRunsHistoryLimit,
    int? FailedRunsHistoryLimit,
    bool? Suspend);
