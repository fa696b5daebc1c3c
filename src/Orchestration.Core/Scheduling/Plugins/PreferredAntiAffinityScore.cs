namespace Orchestration.Scheduling.Plugins;

/// <summary>Prefers nodes with fewer replicas of the workloads named in the preferred anti-affinity.</summary>
internal sealed class PreferredAntiAffinityScore : IScorePlugin
{
    public string Name => "PreferredAntiAffinity";

    public int Weight => 2;

    public long Score(in PlacementRequest request, ISchedulerNode node)
    {
        long score = 0;
        foreach (var workload in request.Workload.Placement.PreferredAntiAffinity)
        {
            score -= node.CountOf(workload);
        }

        return score;
    }
}
