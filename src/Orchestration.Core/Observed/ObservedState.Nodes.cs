using Orchestration.Runtime;

namespace Orchestration.Observed;

/// <summary>The nodes part of the observed state.</summary>
internal sealed partial class ObservedState
{
    private readonly Dictionary<string, ObservedNode> _nodes = new(StringComparer.Ordinal);

    public ObservedNode? Node(string name)
    {
        lock (_gate)
        {
            return _nodes.GetValueOrDefault(name);
        }
    }

    public IReadOnlyList<ObservedNode> Nodes()
    {
        lock (_gate)
        {
            return [.. _nodes.Values.OrderBy(n => n.Info.Name, StringComparer.Ordinal)];
        }
    }

    /// <summary>The names of the nodes <paramref name="runtime"/> reported last.</summary>
    public IReadOnlySet<string> NodesOf(IContainerRuntime runtime)
    {
        lock (_gate)
        {
            return _nodes.Values.Where(n => ReferenceEquals(n.Runtime, runtime)).Select(n => n.Info.Name).ToHashSet(StringComparer.Ordinal);
        }
    }

    /// <summary>Replaces the nodes of <paramref name="runtime"/>; returns the nodes whose state changed (new state, or
    /// <see langword="null"/> when gone).</summary>
    public IReadOnlyList<(string Node, NodeState? State)> SetNodes(IContainerRuntime runtime, IReadOnlyList<NodeInfo> nodes, DateTimeOffset now)
    {
        var changes = new List<(string, NodeState?)>();
        lock (_gate)
        {
            var present = new HashSet<string>(StringComparer.Ordinal);
            foreach (var info in nodes)
            {
                present.Add(info.Name);
                var previous = _nodes.GetValueOrDefault(info.Name);
                DateTimeOffset? since = info.State == NodeState.Ready ? null : previous?.NotReadySince ?? now;
                _nodes[info.Name] = new ObservedNode(info, runtime, since);
                if (previous?.Info.State != info.State)
                {
                    changes.Add((info.Name, info.State));
                }
            }

            foreach (var gone in _nodes.Values.Where(n => ReferenceEquals(n.Runtime, runtime) && !present.Contains(n.Info.Name)).ToList())
            {
                _nodes.Remove(gone.Info.Name);
                changes.Add((gone.Info.Name, null));
            }
        }

        return changes;
    }
}
