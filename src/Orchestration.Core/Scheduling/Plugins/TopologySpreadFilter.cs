namespace Orchestration.Scheduling.Plugins;

/// <summary>With <see cref="PlacementSpec.MaxSkew"/> set, rejects nodes where one more replica would put the node's
/// count more than MaxSkew above the smallest count on any eligible node (ready, selector and taints allow).</summary>
internal sealed class TopologySpreadFilter(SchedulingCache cache) : IFilterPlugin
{
    public string Name => "TopologySpread";

    public bool Filter(in PlacementRequest request, ISchedulerNode node)
    {
        if (request.Workload.Placement.MaxSkew is not { } maxSkew)
        {
            return true;
        }

        return node.CountOf(request.Workload.Name) + 1 - cache.MinCountLocked(request.Workload) <= maxSkew;
    }
}
