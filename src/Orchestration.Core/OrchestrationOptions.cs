namespace Orchestration;

/// <summary>Settings of the orchestrator. Validated when the host starts; a bad value fails the start with a
/// message naming it.</summary>
public sealed class OrchestrationOptions
{
    /// <summary>Name of the fleet this process orchestrates (DNS label). Every container carries it as a label.</summary>
    /// <value>The default value is "default".</value>
    public string FleetName { get; set; } = OrchestrationDefaults.FleetName;

    /// <summary>Reconcile workers running in parallel; one workload is never reconciled by two at once.</summary>
    /// <value>The default value is 4.</value>
    public int Workers { get; set; } = OrchestrationDefaults.Workers;

    /// <summary>How often every workload is reconciled even when nothing signalled a change. The resync reads the
    /// observed state, kept current by the runtimes' event streams; it makes no runtime call (a runtime is listed again
    /// only when its event stream broke or skipped a container).</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan ResyncInterval { get; set; } = OrchestrationDefaults.ResyncInterval;

    /// <summary>Whether to remove the fleet's containers and network when the host stops. Off by default, so that
    /// the next start adopts what runs.</summary>
    public bool DeleteFleetOnStop { get; set; }

    /// <summary>How many feasible nodes the scheduler looks for before it scores and chooses (kube-scheduler's
    /// percentageOfNodesToScore, as a count). Each search starts where the previous one stopped, so every node gets its
    /// turn. Filters stay exact; zero scores every feasible node.</summary>
    /// <value>The default value is 64.</value>
    public int NodesToScore { get; set; } = OrchestrationDefaults.NodesToScore;

    /// <summary>How long a node may stay NotReady before it counts as lost and its replicas are rescheduled elsewhere.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan NodeLostGracePeriod { get; set; } = OrchestrationDefaults.NodeLostGracePeriod;

    /// <summary>The security profile of every workload whose spec names none (<see cref="SecuritySpec.Profile"/>).
    /// When it is not Baseline, applied specs without a profile are given this one (so their revision includes it).</summary>
    /// <value>The default value is <see cref="SecurityProfile.Baseline"/>.</value>
    public SecurityProfile SecurityProfile { get; set; } = SecurityProfile.Baseline;

    /// <summary>Container starts one reconcile of a workload runs at once.</summary>
    /// <value>The default value is 8.</value>
    public int MaxParallelStarts { get; set; } = OrchestrationDefaults.MaxParallelStarts;
}

/// <summary>Default orchestrator settings.</summary>
public static class OrchestrationDefaults
{
    /// <summary>"default".</summary>
    public const string FleetName = "default";

    /// <summary>4.</summary>
    public const int Workers = 4;

    /// <summary>30 seconds.</summary>
    public static readonly TimeSpan ResyncInterval = TimeSpan.FromSeconds(30);

    /// <summary>64.</summary>
    public const int NodesToScore = 64;

    /// <summary>10 seconds.</summary>
    public static readonly TimeSpan NodeLostGracePeriod = TimeSpan.FromSeconds(10);

    /// <summary>8.</summary>
    public const int MaxParallelStarts = 8;
}
