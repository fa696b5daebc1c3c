namespace Orchestration;

/// <summary>Rolls new revisions out a few replicas at a time. A value not set keeps the default of
/// <see cref="UpdateStrategy"/>. Conflicts with <see cref="RecreateUpdateAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RollingUpdateAttribute : Attribute
{
    /// <summary>Replicas allowed above the desired count: a count such as "1" or a percentage such as "25%".</summary>
    public string? MaxSurge { get; set; }

    /// <summary>Replicas allowed below the desired ready count: a count such as "0" or a percentage such as "10%".</summary>
    public string? MaxUnavailable { get; set; }

    /// <summary>Seconds a new replica must stay ready before it counts as available.</summary>
    public double MinReadySeconds { get; set; }

    /// <summary>Seconds a rollout may go without progress before <see cref="OnFailure"/> applies.</summary>
    public double ProgressDeadlineSeconds { get; set; }

    /// <summary>What a rollout that misses its deadline does.</summary>
    public RolloutFailureAction OnFailure { get; set; }

    /// <summary>How many old revisions are kept for rollback.</summary>
    public int RevisionHistoryLimit { get; set; }
}
