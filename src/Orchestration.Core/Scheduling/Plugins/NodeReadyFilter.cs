namespace Orchestration.Scheduling.Plugins;

/// <summary>Rejects nodes that are not Ready.</summary>
internal sealed class NodeReadyFilter : IFilterPlugin
{
    public string Name => "NodeReady";

    public bool Filter(in PlacementRequest request, ISchedulerNode node) => node.IsReady;
}
