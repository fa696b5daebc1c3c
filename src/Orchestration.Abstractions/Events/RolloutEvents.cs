namespace Orchestration.Events;

/// <summary>An event about a workload's rollout from one revision to another.</summary>
public abstract class RolloutEvent : OrchestrationEvent
{
    /// <summary>The revision being rolled out (<see cref="WorkloadSpec.Revision"/>).</summary>
    public required string Revision { get; init; }

    /// <summary>Its number in the workload's revision history (1 for the first).</summary>
    public required int Number { get; init; }
}

/// <summary>A new revision started replacing the replicas of older ones.</summary>
public sealed class RolloutStarted : RolloutEvent
{
    /// <summary>How old replicas are replaced.</summary>
    public required UpdateKind Strategy { get; init; }

    /// <inheritdoc />
    public override string Message => $"Workload '{Workload}' rolling out revision {Number} ({Revision}), {Strategy}";
}

/// <summary>Every replica runs the new revision and is available.</summary>
public sealed class RolloutCompleted : RolloutEvent
{
    /// <inheritdoc />
    public override string Message => $"Workload '{Workload}' rolled out revision {Number} ({Revision})";
}

/// <summary>A rollout stopped where it is: paused on request, or its progress deadline passed and its failure action
/// is to pause.</summary>
public sealed class RolloutPaused : RolloutEvent
{
    /// <summary>Why, such as "paused on request" or "deadline exceeded: …".</summary>
    public required string Reason { get; init; }

    /// <inheritdoc />
    public override string Message => $"Workload '{Workload}' rollout of revision {Number} paused: {Reason}";

    /// <inheritdoc />
    public override bool IsWarning => true;
}

/// <summary>A paused rollout continues.</summary>
public sealed class RolloutResumed : RolloutEvent
{
    /// <inheritdoc />
    public override string Message => $"Workload '{Workload}' rollout of revision {Number} resumed";
}

/// <summary>A workload went back to an earlier revision, automatically (its rollout missed its deadline) or on
/// request.</summary>
public sealed class RolloutRolledBack : RolloutEvent
{
    /// <summary>The revision rolled back from.</summary>
    public required string FromRevision { get; init; }

    /// <summary>Its number in the history.</summary>
    public required int FromNumber { get; init; }

    /// <summary>Why, such as "revision 4 did not become ready within 30 s: readiness probe failed: status 503".</summary>
    public required string Reason { get; init; }

    /// <inheritdoc />
    public override string Message => $"Workload '{Workload}' rolled back from revision {FromNumber} ({FromRevision}) to revision {Number} ({Revision}): {Reason}";

    /// <inheritdoc />
    public override bool IsWarning => true;
}
