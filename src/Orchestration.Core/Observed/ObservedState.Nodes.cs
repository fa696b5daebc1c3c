using Orchestration.Runtime;

namespace Orchestration.Observed;

/// <summary>The nodes part of the observed state.</summary>
internal sealed partial class ObservedState
{
    /// <summary>Replaced whole on every change, never modified: reads need no lock (a reconcile reads the node of
    /// every replica, and must not wait for a relist that holds the lock).</summary>
    private Dictionary<string, ObservedNode> _nodes = new(StringComparer.Ordinal);

    public ObservedNode? Node(string name) => Volatile.Read(ref _nodes).GetValueOrDefault(name);

    public IReadOnlyList<ObservedNode> Nodes() => [.. Volatile.Read(ref _nodes).Values.OrderBy(n => n.Info.Name, StringComparer.Ordinal)];

    /// <summary>The names of the nodes <paramref name="runtime"/> reported last.</summary>
    public IReadOnlySet<string> NodesOf(IContainerRuntime runtime)
        => Volatile.Read(ref _nodes).Values.Where(n => ReferenceEquals(n.Runtime, runtime)).Select(n => n.Info.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>Replaces the nodes of <paramref name="runtime"/>; returns the nodes whose state changed (new state, or
    /// <see langword="null"/> when gone).</summary>
    public IReadOnlyList<(string Node, NodeState? State)> SetNodes(IContainerRuntime runtime, IReadOnlyList<NodeInfo> nodes, DateTimeOffset now)
    {
        var changes = new List<(string, NodeState?)>();
        lock (_gate)
        {
            var next = new Dictionary<string, ObservedNode>(_nodes, StringComparer.Ordinal);
            var present = new HashSet<string>(StringComparer.Ordinal);
            foreach (var info in nodes)
            {
                present.Add(info.Name);
                var previous = next.GetValueOrDefault(info.Name);
                DateTimeOffset? since = info.State == NodeState.Ready ? null : previous?.NotReadySince ?? now;
                next[info.Name] = new ObservedNode(info, runtime, since);
                if (previous?.Info.State != info.State)
                {
                    changes.Add((info.Name, info.State));
                }
            }

            foreach (var gone in next.Values.Where(n => ReferenceEquals(n.Runtime, runtime) && !present.Contains(n.Info.Name)).ToList())
            {
                next.Remove(gone.Info.Name);
                changes.Add((gone.Info.Name, null));
            }

            Volatile.Write(ref _nodes, next);
        }

        return changes;
    }
}
