namespace Orchestration;

/// <summary>What a workload's replicas are for, which decides how the control loop treats them.</summary>
public enum WorkloadKind
{
    /// <summary>Long-running replicas kept at the declared count; restarted whenever they stop.</summary>
    Service,

    /// <summary>Replicas that run to completion, with a number of completions, a parallelism and a backoff limit.</summary>
    Job,

    /// <summary>One replica on every node that matches the workload's placement.</summary>
    DaemonSet,

    /// <summary>Long-running replicas with a stable identity each: ordinal names (<c>db-0</c>, <c>db-1</c>, …), a DNS
    /// name of their own and per-replica volumes kept across restarts, rollouts and scaling.</summary>
    StatefulSet,

    /// <summary>A job run on a schedule (cron expression, time zone, concurrency policy, history limits).</summary>
    CronJob,
}
