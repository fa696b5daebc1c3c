namespace Orchestration;

/// <summary>Stateful sets and cron jobs.</summary>
public sealed partial class WorkloadBuilder
{
    /// <summary>Makes the workload a stateful set of <paramref name="replicas"/>: replicas named by ordinal
    /// (<c>name-0</c> …), each with a DNS name of its own and its own volumes (<see cref="VolumeTemplate"/>).</summary>
    public WorkloadBuilder StatefulSet(int replicas = 1, PodManagementPolicy podManagement = PodManagementPolicy.OrderedReady)
        => Set(s => s with { Kind = WorkloadKind.StatefulSet, Replicas = replicas, StatefulSet = s.StatefulSet with { PodManagement = podManagement } });

    /// <summary>Adds a per-replica volume mounted at <paramref name="target"/>, created once for each ordinal and kept
    /// across restarts, rollouts and scaling (per <see cref="VolumeRetention(VolumeRetention, VolumeRetention)"/>).</summary>
    public WorkloadBuilder VolumeTemplate(string name, string target, bool readOnly = false)
        => Set(s => s with { StatefulSet = s.StatefulSet with { VolumeTemplates = s.StatefulSet.VolumeTemplates.Add(new VolumeClaimTemplate(name, target, readOnly)) } });

    /// <summary>Sets what happens to per-replica volumes when scaling down removes a replica and when the workload is
    /// removed (Kubernetes' persistentVolumeClaimRetentionPolicy).</summary>
    public WorkloadBuilder VolumeRetention(VolumeRetention whenScaled, VolumeRetention whenDeleted)
        => Set(s => s with { StatefulSet = s.StatefulSet with { WhenScaled = whenScaled, WhenDeleted = whenDeleted } });

    /// <summary>Limits a stateful set's rolling update to the replicas whose ordinal is at least
    /// <paramref name="partition"/>.</summary>
    public WorkloadBuilder Partition(int partition) => Set(s => s with { StatefulSet = s.StatefulSet with { Partition = partition } });

    /// <summary>Makes the workload a cron job: a job (see <see cref="Job"/> for its completions, parallelism and
    /// backoff limit) run on <paramref name="schedule"/>, a cron expression of five fields or six with seconds,
    /// read in <paramref name="timeZone"/> (UTC when <see langword="null"/>).</summary>
    public WorkloadBuilder CronJob(string schedule, string? timeZone = null)
        => Set(s => s with
        {
            Kind = WorkloadKind.CronJob,
            CronJob = s.CronJob with { Schedule = schedule, TimeZone = timeZone },
            Restart = s.Kind == WorkloadKind.Job ? s.Restart : s.Restart with { Mode = RestartMode.OnFailure },
        });

    /// <summary>Sets a cron job's concurrency policy, starting deadline and history limits; unset values keep their
    /// defaults.</summary>
    public WorkloadBuilder CronPolicy(ConcurrencyPolicy? concurrency = null, TimeSpan? startingDeadline = null, int? successfulHistory = null, int? failedHistory = null)
        => Set(s => s with
        {
            CronJob = s.CronJob with
            {
                ConcurrencyPolicy = concurrency ?? s.CronJob.ConcurrencyPolicy,
                StartingDeadline = startingDeadline ?? s.CronJob.StartingDeadline,
                SuccessfulRunsHistoryLimit = successfulHistory ?? s.CronJob.SuccessfulRunsHistoryLimit,
                FailedRunsHistoryLimit = failedHistory ?? s.CronJob.FailedRunsHistoryLimit,
            },
        });

    /// <summary>Holds back (or lets go) a cron job's new runs.</summary>
    public WorkloadBuilder Suspend(bool suspend = true) => Set(s => s with { CronJob = s.CronJob with { Suspend = suspend } });
}
