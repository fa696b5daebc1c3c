namespace Orchestration.Scheduling.Plugins;

/// <summary>Prefers nodes whose CPU and memory would be used in similar proportion after placing.</summary>
internal sealed class BalancedAllocationScore : IScorePlugin
{
    public string Name => "BalancedAllocation";

    public int Weight => 1;

    public long Score(in PlacementRequest request, ISchedulerNode node)
    {
        var cpu = ResourceAllocationScore.Fraction(node.CpuRequested + request.CpuMillicores, node.CpuCapacity);
        var memory = ResourceAllocationScore.Fraction(node.MemoryRequested + request.MemoryBytes, node.MemoryCapacity);
        return -Math.Abs(cpu - memory);
    }
}
