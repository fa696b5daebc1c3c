namespace Orchestration.Scheduling;

/// <summary>Cordoned nodes: no new placements.</summary>
internal sealed partial class SchedulingCache
{
    private readonly HashSet<string> _cordoned = new(StringComparer.Ordinal);

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
}
