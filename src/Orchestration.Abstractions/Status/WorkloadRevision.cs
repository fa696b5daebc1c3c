namespace Orchestration;

/// <summary>One entry of a workload's revision history.</summary>
/// <param name="Number">Its number, 1 for the first revision; a rollback reuses the number of the revision it returns to.</param>
/// <param name="Revision">The spec hash (<see cref="WorkloadSpec.Revision"/>).</param>
/// <param name="Spec">The spec last applied with that hash.</param>
/// <param name="IsCurrent">Whether it is the desired revision now.</param>
public sealed record WorkloadRevision(int Number, string Revision, WorkloadSpec Spec, bool IsCurrent);
