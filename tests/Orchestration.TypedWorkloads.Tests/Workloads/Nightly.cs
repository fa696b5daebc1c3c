namespace Orchestration.TypedWorkloads.Tests.Workloads;

/// <summary>A cron job: every night at 02:30 Paris time, one run at a time, given ten minutes to start. Each run's
/// job settings come from <c>Configure</c>.</summary>
[Workload("nightly", Image = TestImages.Busybox, Kind = WorkloadKind.CronJob, Command = new[] { "sh", "-c", "echo done" })]
[CronJob("30 2 * * *", TimeZone = "Europe/Paris", ConcurrencyPolicy = ConcurrencyPolicy.Forbid, StartingDeadlineSeconds = 600,
    SuccessfulRunsHistoryLimit = 5, FailedRunsHistoryLimit = 2)]
public sealed partial class Nightly
{
    static partial void Configure(WorkloadBuilder builder) => builder.Job(completions: 1, backoffLimit: 2);
}
