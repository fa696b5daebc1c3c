namespace Orchestration;

/// <summary>Kinds, probes, restarts, updates and dependencies.</summary>
public sealed partial class WorkloadBuilder
{
    /// <summary>Makes the workload a job that runs to completion (or, on a cron job, sets what each run does); its
    /// restart mode becomes OnFailure unless set later.</summary>
    public WorkloadBuilder Job(int completions = 1, int parallelism = 1, int backoffLimit = 6)
        => Set(s => s with
        {
            Kind = s.Kind == WorkloadKind.CronJob ? WorkloadKind.CronJob : WorkloadKind.Job,
            Job = new JobSpec { Completions = completions, Parallelism = parallelism, BackoffLimit = backoffLimit },
            Restart = s.Restart with { Mode = RestartMode.OnFailure },
        });

    /// <summary>Makes the workload a daemon set: one replica on every node its placement allows.</summary>
    public WorkloadBuilder DaemonSet() => Set(s => s with { Kind = WorkloadKind.DaemonSet });

    /// <summary>Sets the startup probe, which gates readiness and liveness until it passes once.</summary>
    public WorkloadBuilder Startup(ProbeSpec probe) => Set(s => s with { Probes = s.Probes with { Startup = probe } });

    /// <summary>Sets the readiness probe, which decides Ready and the endpoints.</summary>
    public WorkloadBuilder Readiness(ProbeSpec probe) => Set(s => s with { Probes = s.Probes with { Readiness = probe } });

    /// <summary>Sets the liveness probe; failing it restarts the replica.</summary>
    public WorkloadBuilder Liveness(ProbeSpec probe) => Set(s => s with { Probes = s.Probes with { Liveness = probe } });

    /// <summary>Sets when replicas restart and the backoff between restarts; unset values keep their defaults.</summary>
    public WorkloadBuilder RestartPolicy(RestartMode mode, TimeSpan? initialDelay = null, TimeSpan? maxDelay = null, TimeSpan? resetAfter = null)
        => Set(s => s with
        {
            Restart = s.Restart with
            {
                Mode = mode,
                InitialDelay = initialDelay ?? s.Restart.InitialDelay,
                MaxDelay = maxDelay ?? s.Restart.MaxDelay,
                ResetAfter = resetAfter ?? s.Restart.ResetAfter,
            },
        });

    /// <summary>Rolls new revisions out a few replicas at a time; unset values keep their defaults.</summary>
    public WorkloadBuilder RollingUpdate(
        IntOrPercent? maxSurge = null,
        IntOrPercent? maxUnavailable = null,
        TimeSpan? minReadyTime = null,
        TimeSpan? progressDeadline = null,
        RolloutFailureAction? onFailure = null,
        int? revisionHistoryLimit = null)
        => Set(s => s with
        {
            Update = s.Update with
            {
                Kind = UpdateKind.RollingUpdate,
                MaxSurge = maxSurge ?? s.Update.MaxSurge,
                MaxUnavailable = maxUnavailable ?? s.Update.MaxUnavailable,
                MinReadyTime = minReadyTime ?? s.Update.MinReadyTime,
                ProgressDeadline = progressDeadline ?? s.Update.ProgressDeadline,
                FailureAction = onFailure ?? s.Update.FailureAction,
                RevisionHistoryLimit = revisionHistoryLimit ?? s.Update.RevisionHistoryLimit,
            },
        });

    /// <summary>Stops every old replica before starting new ones on each new revision.</summary>
    public WorkloadBuilder RecreateUpdate() => Set(s => s with { Update = s.Update with { Kind = UpdateKind.Recreate } });

    /// <summary>Starts this workload only after <paramref name="workload"/> reached <paramref name="condition"/>.</summary>
    public WorkloadBuilder DependsOn(string workload, DependencyCondition condition = DependencyCondition.Ready)
        => Set(s => s with { Dependencies = s.Dependencies.Add(new DependencySpec(workload, condition)) });

    /// <summary>Sets the time between the stop signal and a forced kill.</summary>
    public WorkloadBuilder StopGracePeriod(TimeSpan period) => Set(s => s with { StopGracePeriod = period });

    /// <summary>Sets how long a replica keeps running after leaving the endpoints, before it is stopped.</summary>
    public WorkloadBuilder DrainDelay(TimeSpan delay) => Set(s => s with { DrainDelay = delay });
}
