using Orchestration.Runtime;

namespace Orchestration.Scheduling;

/// <summary>The static placement rules of a workload against a node: node selector and taints. Shared by the
/// filters, the spread tracker and the daemon set controller, so they all agree on which nodes are eligible.</summary>
internal static class PlacementRules
{
    public static bool MatchesSelector(WorkloadSpec workload, NodeInfo node)
    {
        var selector = workload.Placement.NodeSelector;
        if (selector.Count == 0)
        {
            return true;
        }

        foreach (var (key, value) in selector)
        {
            if (!node.Labels.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether every NoSchedule and NoExecute taint of the node is tolerated.</summary>
    public static bool ToleratesHardTaints(WorkloadSpec workload, NodeInfo node)
    {
        foreach (var taint in node.Taints)
        {
            if (taint.Effect != TaintEffect.PreferNoSchedule && !Tolerated(workload, taint))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first NoExecute taint of the node the workload does not tolerate, or <see langword="null"/>.</summary>
    public static Taint? UntoleratedNoExecute(WorkloadSpec workload, NodeInfo node)
    {
        foreach (var taint in node.Taints)
        {
            if (taint.Effect == TaintEffect.NoExecute && !Tolerated(workload, taint))
            {
                return taint;
            }
        }

        return null;
    }

    /// <summary>PreferNoSchedule taints of the node the workload does not tolerate.</summary>
    public static int UntoleratedSoftTaints(WorkloadSpec workload, NodeInfo node)
    {
        var count = 0;
        foreach (var taint in node.Taints)
        {
            if (taint.Effect == TaintEffect.PreferNoSchedule && !Tolerated(workload, taint))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Whether the node is ready and the workload's selector and taints allow it.</summary>
    public static bool IsEligible(WorkloadSpec workload, NodeInfo node)
        => node.State == NodeState.Ready && MatchesSelector(workload, node) && ToleratesHardTaints(workload, node);

    private static bool Tolerated(WorkloadSpec workload, Taint taint)
    {
        foreach (var toleration in workload.Placement.Tolerations)
        {
            if (toleration.Tolerates(taint))
            {
                return true;
            }
        }

        return false;
    }
}
