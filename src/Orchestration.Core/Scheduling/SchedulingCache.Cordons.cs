namespace Orchestration.Scheduling;

/// <summary>Cordoned nodes: no new placements. Draining nodes (cordoned too): their service replicas are moved
/// elsewhere, at most a budget of them at a time per workload.</summary>
internal sealed partial class SchedulingCache
{
    private readonly HashSet<string> _cordoned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _draining = new(StringComparer.Ordinal);

    /// <summary>Marks <paramref name="node"/> unschedulable; returns whether it was not already.</summary>
    public bool Cordon(string node)
    {
        lock (Gate)
        {
            return _cordoned.Add(node);
        }
    }

    /// <summary>Makes <paramref name="node"/> schedulable again.</summary>
    public bool Uncordon(string node)
    {
        lock (Gate)
        {
            _draining.Remove(node);
            return _cordoned.Remove(node);
        }
    }

    /// <summary>Whether <paramref name="node"/> is cordoned. Callers inside the scheduler already hold <see cref="Gate"/>.</summary>
    public bool IsCordoned(string node)
    {
        lock (Gate)
        {
            return _cordoned.Contains(node);
        }
    }

    /// <summary>Cordons <paramref name="node"/> and marks it draining: at most <paramref name="budget"/> replicas of a
    /// workload move off it at a time.</summary>
    public void BeginDrain(string node, int budget)
    {
        lock (Gate)
        {
            _cordoned.Add(node);
            _draining[node] = budget;
        }
    }

    /// <summary>Ends the draining of <paramref name="node"/>; it stays cordoned.</summary>
    public void EndDrain(string node)
    {
        lock (Gate)
        {
            _draining.Remove(node);
        }
    }

    /// <summary>The draining nodes and their budgets.</summary>
    public IReadOnlyDictionary<string, int> DrainBudgets()
    {
        lock (Gate)
        {
            return _draining.Count == 0 ? EmptyBudgets : new Dictionary<string, int>(_draining, StringComparer.Ordinal);
        }
    }

    private static readonly IReadOnlyDictionary<string, int> EmptyBudgets = new Dictionary<string, int>(StringComparer.Ordinal);
}
