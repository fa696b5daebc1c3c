using System.Collections.Immutable;

namespace Orchestration.AspNetCore.Streaming;

/// <summary>One autoscaler row: its workload, its current and desired replicas within its bounds, each metric's value
/// against its target, and its last decision with the reason and what held it back.</summary>
internal sealed record AutoscalerView(
    string Workload,
    int Current,
    int Desired,
    int MinReplicas,
    int MaxReplicas,
    int Recommendation,
    ImmutableArray<AutoscalerMetricView> Metrics,
    string? LimitedBy,
    string Reason,
    DateTimeOffset? LastDecision,
    DateTimeOffset? LastScaled)
{
    public static AutoscalerView Of(AutoscalerStatus row)
        => new(
            row.Workload,
            row.Current,
            row.Desired,
            row.MinReplicas,
            row.MaxReplicas,
            row.Recommendation,
            [.. row.Metrics.Select(AutoscalerMetricView.Of)],
            row.LimitedBy,
            row.Reason,
            row.LastDecision,
            row.LastScaled);
}
