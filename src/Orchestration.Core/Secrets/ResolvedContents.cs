using System.Collections.Concurrent;

namespace Orchestration.Secrets;

/// <summary>The resolved content of every workload revision applied in this process, by workload and content
/// digest, so that a replica of an older revision (during a rollout or after a rollback) starts with the values of
/// its own revision. Memory only; nothing of it is written anywhere.</summary>
internal sealed class ResolvedContents
{
    private readonly ConcurrentDictionary<(string Workload, string Digest), WorkloadContent> _contents = new();

    public void Store(string workload, string digest, WorkloadContent content) => _contents[(workload, digest)] = content;

    public WorkloadContent? Find(WorkloadSpec spec)
        => spec.ContentDigest is { } digest && _contents.TryGetValue((spec.Name, digest), out var content) ? content : null;
}
