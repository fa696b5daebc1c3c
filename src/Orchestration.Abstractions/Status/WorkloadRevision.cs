namespace Orchestration;

/// <summary>One entry of a workload's revision history.</summary>
/// <param name="number">Its number, 1 for the first revision; a rollback reuses the number of the revision it returns to.</param>
/// <param name="revision">The spec hash (<see cref="WorkloadSpec.Revision"/>).</param>
/// <param name="spec">The spec last applied with that hash.</param>
/// <param name="isCurrent">Whether it is the desired revision now.</param>
public sealed class WorkloadRevision(int number, string revision, WorkloadSpec spec, bool isCurrent) : Snapshot
{
    /// <summary>Its number, 1 for the first revision; a rollback reuses the number of the revision it returns to.</summary>
    public int Number { get; private init; } = number;

    /// <summary>The spec hash (<see cref="WorkloadSpec.Revision"/>).</summary>
    public string Revision { get; private init; } = revision;

    /// <summary>The spec last applied with that hash.</summary>
    public WorkloadSpec Spec { get; private init; } = spec;

    /// <summary>Whether it is the desired revision now.</summary>
    public bool IsCurrent { get; private init; } = isCurrent;
}
