namespace Orchestration.Scheduling.Plugins;

/// <summary>Spread strategy: prefers nodes with fewer replicas of the workload. Bin-pack: prefers nodes with more
/// replicas of any workload.</summary>
internal sealed class WorkloadSpreadScore : IScorePlugin
{
    public string Name => "Spread";

    public int Weight => 2;

    public long Score(in PlacementRequest request, ISchedulerNode node)
        => request.Workload.Placement.Strategy == PlacementStrategy.BinPack
            ? node.ReplicaCount
            : -node.CountOf(request.Workload.Name);
}
