namespace Orchestration.Scheduling.Plugins;

/// <summary>Rejects nodes that lack a label of the workload's node selector.</summary>
internal sealed class NodeSelectorFilter : IFilterPlugin
{
    public string Name => "NodeSelector";

    public bool Filter(in PlacementRequest request, ISchedulerNode node) => PlacementRules.MatchesSelector(request.Workload, node.Info);
}
