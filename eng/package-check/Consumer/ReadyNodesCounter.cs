using Orchestration.Scheduling;

/// <summary>A scheduler filter plugin written against the contract in the packages: it keeps ready nodes and counts
/// how often the scheduler asked.</summary>
public sealed class ReadyNodesCounter : IFilterPlugin
{
    private int _consulted;

    public int Consulted => _consulted;

    public string Name => "ready-nodes-counter";

    public bool Filter(in PlacementRequest request, ISchedulerNode node)
    {
        Interlocked.Increment(ref _consulted);
        return node.IsReady;
    }
}
