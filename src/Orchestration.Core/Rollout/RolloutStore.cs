using System.Collections.Concurrent;

namespace Orchestration.Rollout;

/// <summary>Every workload's <see cref="RevisionHistory"/>.</summary>
internal sealed class RolloutStore
{
    private readonly ConcurrentDictionary<string, RevisionHistory> _histories = new(StringComparer.Ordinal);

    public RevisionHistory Of(string workload) => _histories.GetOrAdd(workload, static _ => new RevisionHistory());

    public void Clear() => _histories.Clear();
}
