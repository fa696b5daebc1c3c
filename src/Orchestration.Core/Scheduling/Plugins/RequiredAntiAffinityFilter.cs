namespace Orchestration.Scheduling.Plugins;

/// <summary>Rejects nodes that hold a replica of a workload named in the replica's required anti-affinity, and nodes
/// holding a replica whose required anti-affinity names the replica's workload (the rule holds both ways).</summary>
internal sealed class RequiredAntiAffinityFilter : IFilterPlugin
{
    public string Name => "RequiredAntiAffinity";

    public bool Filter(in PlacementRequest request, ISchedulerNode node)
    {
        if (node.Repels(request.Workload.Name))
        {
            return false;
        }

        foreach (var workload in request.Workload.Placement.RequiredAntiAffinity)
        {
            if (node.CountOf(workload) > 0)
            {
                return false;
            }
        }

        return true;
    }
}
