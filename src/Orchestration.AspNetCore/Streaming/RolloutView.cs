using System.Collections.Immutable;

namespace Orchestration.AspNetCore.Streaming;

/// <summary>A workload's rollout on the page: its phase, how far the current revision has come, and its history.</summary>
internal sealed record RolloutView(string Workload, WorkloadPhase Phase, string Revision, int Updated, int Desired, ImmutableArray<RevisionView> Revisions)
{
    public static RolloutView Of(WorkloadStatus status, IReadOnlyList<WorkloadRevision> history)
        => new(status.Name, status.Phase, status.Revision, status.Updated, status.Desired,
            [.. history.Select(r => new RevisionView(r.Number, r.Revision, r.Spec.Image, r.IsCurrent))]);
}
