namespace Orchestration.Scheduling.Plugins;

/// <summary>Prefers nodes without PreferNoSchedule taints the workload does not tolerate.</summary>
internal sealed class TaintPreferenceScore : IScorePlugin
{
    public string Name => "TaintPreference";

    public int Weight => 3;

    public long Score(in PlacementRequest request, ISchedulerNode node)
        => -PlacementRules.UntoleratedSoftTaints(request.Workload, node.Info);
}
