using System.Collections.Immutable;

namespace Orchestration.State;

/// <summary>Holds the applied fleet spec. Replacing it is atomic: readers see the old spec or the new one, never
/// a mix. Listeners are told which workloads changed so the control loop can reconcile them.</summary>
internal sealed class DesiredStateStore
{
    private readonly object _gate = new();
    private FleetSpec? _current;

    /// <summary>Raised after a replace, with the names of the workloads added, changed or removed.</summary>
    public event Action<IReadOnlyCollection<string>>? Changed;

    public FleetSpec? Current => Volatile.Read(ref _current);

    /// <summary>Swaps in <paramref name="next"/> (already validated) when <paramref name="expected"/> is still current.</summary>
    public bool TryReplace(FleetSpec? expected, FleetSpec next)
    {
        IReadOnlyCollection<string> changed;
        lock (_gate)
        {
            if (!ReferenceEquals(_current, expected))
            {
                return false;
            }

            changed = Diff(_current, next);
            Volatile.Write(ref _current, next);
        }

        if (changed.Count > 0)
        {
            Changed?.Invoke(changed);
        }

        return true;
    }

    private static IReadOnlyCollection<string> Diff(FleetSpec? before, FleetSpec after)
    {
        var changed = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var w in after.Workloads)
        {
            if (before?.Find(w.Name) != w)
            {
                changed.Add(w.Name);
            }
        }

        if (before is not null)
        {
            foreach (var w in before.Workloads)
            {
                if (after.Find(w.Name) is null)
                {
                    changed.Add(w.Name);
                }
            }
        }

        return changed.ToImmutable();
    }
}
