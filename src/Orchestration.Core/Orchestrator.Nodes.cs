namespace Orchestration;

/// <summary>Cordon and uncordon of nodes.</summary>
internal sealed partial class Orchestrator
{
    public Task CordonAsync(string node, CancellationToken cancellationToken = default)
    {
        RequireNode(node);
        if (_scheduling.Cordon(node))
        {
            WakeAll();
        }

        return Task.CompletedTask;
    }

    public Task UncordonAsync(string node, CancellationToken cancellationToken = default)
    {
        RequireNode(node);
        if (_scheduling.Uncordon(node))
        {
            WakeAll();
        }

        return Task.CompletedTask;
    }

    private void RequireNode(string node)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(node);
        if (_observed.Node(node) is null && _scheduling.Find(node) is null)
        {
            throw new ArgumentException($"Node '{node}' is not a node of fleet '{FleetName}'.", nameof(node));
        }
    }

    private void WakeAll()
    {
        foreach (var workload in _store.Current?.Workloads ?? [])
        {
            _loop.Queue?.Add(workload.Name);
        }
    }
}
