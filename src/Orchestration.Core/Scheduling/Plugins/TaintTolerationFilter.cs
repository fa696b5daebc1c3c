namespace Orchestration.Scheduling.Plugins;

/// <summary>Rejects nodes with a NoSchedule or NoExecute taint the workload does not tolerate.</summary>
internal sealed class TaintTolerationFilter : IFilterPlugin
{
    public string Name => "TaintToleration";

    public bool Filter(in PlacementRequest request, ISchedulerNode node) => PlacementRules.ToleratesHardTaints(request.Workload, node.Info);
}
