using System.Collections.Immutable;
using Orchestration.Events;

namespace Orchestration.AspNetCore.Streaming;

/// <summary>What the page shows, in one JSON document: the fleet's status, each workload's rollout and revisions, the
/// image pulls and builds, and the autoscalers' last decisions. Revisions carry numbers, hashes and
/// images only, never a spec's environment.</summary>
internal sealed record FleetSnapshot
{
    public required string Fleet { get; init; }

    public required ImmutableArray<WorkloadStatus> Workloads { get; init; }

    public required ImmutableArray<NodeStatus> Nodes { get; init; }

    public required ImmutableArray<RolloutView> Rollouts { get; init; }

    public required ImmutableArray<ImageProgress> Images { get; init; }

    /// <summary>Autoscaler decisions, one row per workload with an autoscaler that has decided once.</summary>
    public ImmutableArray<AutoscalerView> Autoscalers { get; init; } = [];

    public static FleetSnapshot Of(IOrchestrator orchestrator, RecentEvents recent)
    {
        var status = orchestrator.GetStatus();
        return new FleetSnapshot
        {
            Fleet = status.Name,
            Workloads = status.Workloads,
            Nodes = status.Nodes,
            Rollouts = [.. status.Workloads.Select(w => RolloutView.Of(w, orchestrator.GetRevisionHistory(w.Name)))],
            Images = [.. recent.Images()],
            Autoscalers = [.. status.Autoscalers.Select(AutoscalerView.Of)],
        };
    }
}
