namespace Orchestration.Scheduling.Plugins;

/// <summary>Spread strategy: prefers the node with the most capacity left after placing (least allocated).
/// Bin-pack: the node with the least left (most allocated). Scores are per mille of capacity.</summary>
internal sealed class ResourceAllocationScore : IScorePlugin
{
    public string Name => "ResourceAllocation";

    public int Weight => 1;

    public long Score(in PlacementRequest request, ISchedulerNode node)
    {
        var used = (Fraction(node.CpuRequested + request.CpuMillicores, node.CpuCapacity)
                    + Fraction(node.MemoryRequested + request.MemoryBytes, node.MemoryCapacity)) / 2;
        return request.Workload.Placement.Strategy == PlacementStrategy.BinPack ? used : 1000 - used;
    }

    internal static long Fraction(long used, long capacity) => capacity <= 0 ? 0 : Math.Min(1000, used * 1000 / capacity);
}
