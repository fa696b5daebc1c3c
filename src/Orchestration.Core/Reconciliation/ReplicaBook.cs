using System.Collections.Concurrent;

namespace Orchestration.Reconciliation;

/// <summary>Every workload's book.</summary>
internal sealed class ReplicaBook
{
    private readonly ConcurrentDictionary<string, WorkloadBook> _books = new(StringComparer.Ordinal);

    public WorkloadBook GetOrAdd(string workload) => _books.GetOrAdd(workload, static name => new WorkloadBook(name));

    public void Remove(string workload) => _books.TryRemove(workload, out _);

    public IReadOnlyCollection<string> Workloads => [.. _books.Keys];

    public void Clear() => _books.Clear();
}
