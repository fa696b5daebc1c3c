namespace Orchestration.Runtime;

/// <summary>Labels the SDK puts on every container and network it creates. They identify what belongs to which
/// fleet, workload, replica and revision, so that a new process can adopt what is already running.</summary>
public static class OrchestrationLabels
{
    /// <summary>Prefix reserved for the SDK's labels.</summary>
    public const string Prefix = "io.orchestration.";

    /// <summary>The fleet's name.</summary>
    public const string Fleet = Prefix + "fleet";

    /// <summary>The workload's name.</summary>
    public const string Workload = Prefix + "workload";

    /// <summary>The replica's stable id.</summary>
    public const string Replica = Prefix + "replica";

    /// <summary>The workload revision (<see cref="WorkloadSpec.Revision"/>) the container was created from.</summary>
    public const string Revision = Prefix + "revision";

    /// <summary>The id of the orchestrator instance that created it.</summary>
    public const string Owner = Prefix + "owner";

    /// <summary>Which container of its replica it is (1 for the first, counting restarts); also the suffix of its
    /// name, so a replacement never waits for the removal of the container it replaces.</summary>
    public const string Attempt = Prefix + "attempt";

    /// <summary>The run of a cron job the container belongs to, so that a restarted orchestrator adopts a run in
    /// progress instead of starting it over.</summary>
    public const string Run = Prefix + "run";

    /// <summary>The leadership term of the instance that created it, when leader election is on: a new leader
    /// recognises containers a deposed leader created after the hand-over by their older term.</summary>
    public const string Term = Prefix + "term";
}
