namespace Orchestration.Runtime.Swarm.Observed;

/// <summary>The revisions of each workload this process applied, numbered from 1 in the order they were first seen,
/// for rollout events and <see cref="IOrchestrator.GetRevisionHistory"/>. Swarm itself keeps only a service's current
/// and previous spec.</summary>
internal sealed class RevisionBook
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<(int Number, WorkloadSpec Spec)>> _byWorkload = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="spec"/>'s revision (once) and returns its number.</summary>
    public int Record(WorkloadSpec spec)
    {
        lock (_lock)
        {
            if (!_byWorkload.TryGetValue(spec.Name, out var list))
            {
                _byWorkload[spec.Name] = list = [];
            }

            var index = list.FindIndex(e => e.Spec.Revision == spec.Revision);
            if (index >= 0)
            {
                var number = list[index].Number;
                list[index] = (number, spec);
                return number;
            }

            var next = list.Count == 0 ? 1 : list.Max(e => e.Number) + 1;
            list.Add((next, spec));
            return next;
        }
    }

    /// <summary>The number of a known revision, else 0.</summary>
    public int Number(string workload, string? revision)
    {
        lock (_lock)
        {
            return _byWorkload.TryGetValue(workload, out var list) ? list.Find(e => e.Spec.Revision == revision).Number : 0;
        }
    }

    /// <summary>The spec last applied with <paramref name="revision"/>, or <see langword="null"/>.</summary>
    public WorkloadSpec? Spec(string workload, string? revision)
    {
        lock (_lock)
        {
            return _byWorkload.TryGetValue(workload, out var list) ? list.Find(e => e.Spec.Revision == revision).Spec : null;
        }
    }

    /// <summary>The history, oldest first, marking <paramref name="current"/>.</summary>
    public IReadOnlyList<WorkloadRevision> History(string workload, string? current)
    {
        lock (_lock)
        {
            return _byWorkload.TryGetValue(workload, out var list)
                ? [.. list.OrderBy(e => e.Number).Select(e => new WorkloadRevision(e.Number, e.Spec.Revision, e.Spec, e.Spec.Revision == current))]
                : [];
        }
    }
}
