namespace Orchestration;

/// <summary>How a workload moves to a new revision.</summary>
public enum UpdateKind
{
    /// <summary>Replace replicas a few at a time, health-gated. The default.</summary>
    RollingUpdate,

    /// <summary>Stop every old replica, then start the new ones.</summary>
    Recreate,
}

/// <summary>What a rollout does when the new revision does not become ready within the progress deadline.</summary>
public enum RolloutFailureAction
{
    /// <summary>Go back to the last revision that was fully ready. The default.</summary>
    Rollback,

    /// <summary>Stop the rollout where it is and wait for a person.</summary>
    Pause,
}

/// <summary>How new revisions of a workload replace old ones.</summary>
public sealed record UpdateStrategy
{
    /// <summary>Rolling update with the defaults.</summary>
    public static UpdateStrategy Default { get; } = new();

    /// <summary>Rolling or recreate.</summary>
    public UpdateKind Kind { get; init; } = UpdateKind.RollingUpdate;

    /// <summary>Replicas allowed above the desired count during a rollout; a percentage rounds up.</summary>
    /// <value>The default value is 25%.</value>
    public IntOrPercent MaxSurge { get; init; } = UpdateDefaults.MaxSurge;

    /// <summary>Replicas allowed below the desired ready count during a rollout; a percentage rounds down.</summary>
    /// <value>The default value is 0: a rollout never lowers the number of ready replicas (Kubernetes: 25%).</value>
    public IntOrPercent MaxUnavailable { get; init; } = UpdateDefaults.MaxUnavailable;

    /// <summary>How long a new replica must stay ready before it counts as available.</summary>
    /// <value>The default value is zero.</value>
    public TimeSpan MinReadyTime { get; init; } = TimeSpan.Zero;

    /// <summary>How long a rollout may go without progress before <see cref="FailureAction"/> applies.</summary>
    /// <value>The default value is 5 minutes (Kubernetes: 10 minutes).</value>
    public TimeSpan ProgressDeadline { get; init; } = UpdateDefaults.ProgressDeadline;

    /// <summary>What a rollout that misses its deadline does.</summary>
    /// <value>The default value is <see cref="RolloutFailureAction.Rollback"/> (Kubernetes, Nomad and Swarm do not roll back by default).</value>
    public RolloutFailureAction FailureAction { get; init; } = RolloutFailureAction.Rollback;

    /// <summary>How many old revisions are kept for rollback.</summary>
    /// <value>The default value is 10.</value>
    public int RevisionHistoryLimit { get; init; } = UpdateDefaults.RevisionHistoryLimit;
}

/// <summary>Default rollout settings; apps read them on <see cref="UpdateStrategy.Default"/>.</summary>
internal static class UpdateDefaults
{
    /// <summary>25%.</summary>
    public static readonly IntOrPercent MaxSurge = IntOrPercent.FromPercent(25);

    /// <summary>0.</summary>
    public static readonly IntOrPercent MaxUnavailable = IntOrPercent.FromCount(0);

    /// <summary>5 minutes.</summary>
    public static readonly TimeSpan ProgressDeadline = TimeSpan.FromMinutes(5);

    /// <summary>10.</summary>
    public const int RevisionHistoryLimit = 10;
}
