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
}
