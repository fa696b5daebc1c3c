namespace Orchestration.Scheduling;

/// <summary>For one workload with a <c>MaxSkew</c>, how many eligible nodes hold each number of its replicas, so the
/// smallest per-node count is known in constant time instead of a scan of every node per placement.</summary>
internal sealed class SpreadTracker
{
    private readonly HashSet<SchedulerNode> _members = [];
    private readonly List<int> _nodesAtLevel = [];

    public SpreadTracker(WorkloadSpec workload, IEnumerable<SchedulerNode> nodes)
    {
        Workload = workload;
        foreach (var node in nodes)
        {
            Refresh(node);
        }
    }

    public WorkloadSpec Workload { get; set; }

    /// <summary>The smallest count of the workload's replicas on an eligible node; zero when none is eligible.</summary>
    public int MinCount
    {
        get
        {
            for (var level = 0; level < _nodesAtLevel.Count; level++)
            {
                if (_nodesAtLevel[level] > 0)
                {
                    return level;
                }
            }

            return 0;
        }
    }

    /// <summary>Re-checks whether <paramref name="node"/> is eligible after it changed.</summary>
    public void Refresh(SchedulerNode node)
    {
        var eligible = PlacementRules.IsEligible(Workload, node.Info);
        var member = _members.Contains(node);
        if (eligible && !member)
        {
            _members.Add(node);
            Move(-1, node.CountOf(Workload.Name));
        }
        else if (!eligible && member)
        {
            _members.Remove(node);
            Move(node.CountOf(Workload.Name), -1);
        }
    }

    public void Forget(SchedulerNode node)
    {
        if (_members.Remove(node))
        {
            Move(node.CountOf(Workload.Name), -1);
        }
    }

    /// <summary>Records that the workload's count on <paramref name="node"/> went from <paramref name="from"/> to
    /// <paramref name="to"/>.</summary>
    public void Changed(SchedulerNode node, int from, int to)
    {
        if (_members.Contains(node))
        {
            Move(from, to);
        }
    }

    private void Move(int from, int to)
    {
        if (from >= 0)
        {
            _nodesAtLevel[from]--;
        }

        if (to >= 0)
        {
            while (_nodesAtLevel.Count <= to)
            {
                _nodesAtLevel.Add(0);
            }

            _nodesAtLevel[to]++;
        }
    }
}
