namespace Orchestration.Scheduling.Plugins;

/// <summary>Rejects cordoned nodes (see <see cref="IOrchestrator.CordonAsync"/>).</summary>
internal sealed class CordonedFilter(SchedulingCache cache) : IFilterPlugin
{
    public string Name => "Cordoned";

    public bool Filter(in PlacementRequest request, ISchedulerNode node) => !cache.IsCordoned(node.Name);
}
