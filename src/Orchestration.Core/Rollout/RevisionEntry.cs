namespace Orchestration.Rollout;

/// <summary>One revision of a workload: its number in the history, its hash and the spec applied with it.</summary>
internal sealed record RevisionEntry(int Number, string Revision, WorkloadSpec Spec);
