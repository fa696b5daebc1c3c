using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Orchestration.Generators.Model;

namespace Orchestration.Generators.Analysis;

/// <summary>A typed workload as a node of the dependency graph: its type, name and the types it depends on.</summary>
internal sealed record GraphNode(string FullyQualifiedName, string Name, EquatableArray<GraphEdge> Edges)
{
    public static GraphNode From(WorkloadModel model)
        => new(
            model.FullyQualifiedName,
            model.Name,
            model.Dependencies.Select(d => new GraphEdge(d.FullyQualifiedName, d.Location)).ToEquatableArray());
}

/// <summary>A <c>[DependsOn&lt;T&gt;]</c>: the type depended on and where it is written.</summary>
internal sealed record GraphEdge(string TargetFullyQualifiedName, LocationInfo? Location);

/// <summary>Finds dependency cycles between the typed workloads of a compilation.</summary>
internal static class DependencyGraph
{
    /// <summary>One ORCH0009 per dependency that lies on a cycle, at its type argument, naming the whole cycle.</summary>
    public static EquatableArray<DiagnosticInfo> FindCycles(ImmutableArray<GraphNode> nodes)
    {
        var byName = new Dictionary<string, GraphNode>();
        foreach (var node in nodes.OrderBy(n => n.FullyQualifiedName, System.StringComparer.Ordinal))
        {
            if (!byName.ContainsKey(node.FullyQualifiedName))
            {
                byName.Add(node.FullyQualifiedName, node);
            }
        }

        var component = StronglyConnectedComponents(byName);
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var node in byName.Values)
        {
            foreach (var edge in node.Edges)
            {
                if (!component.TryGetValue(node.FullyQualifiedName, out var sourceComponent)
                    || !component.TryGetValue(edge.TargetFullyQualifiedName, out var targetComponent)
                    || targetComponent != sourceComponent)
                {
                    continue;
                }

                var path = PathBack(byName, component, edge.TargetFullyQualifiedName, node.FullyQualifiedName);
                var names = new[] { node.Name }.Concat(path.Select(p => byName[p].Name));
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DependencyCycle, edge.Location, string.Join(" -> ", names)));
            }
        }

        return diagnostics.ToEquatableArray();
    }

    /// <summary>The shortest path from <paramref name="from"/> to <paramref name="to"/> inside their component, both
    /// included.</summary>
    private static List<string> PathBack(Dictionary<string, GraphNode> nodes, Dictionary<string, int> component, string from, string to)
    {
        var previous = new Dictionary<string, string?> { [from] = null };
        var queue = new Queue<string>();
        queue.Enqueue(from);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (current == to)
            {
                break;
            }

            foreach (var edge in nodes[current].Edges)
            {
                var next = edge.TargetFullyQualifiedName;
                if (component.TryGetValue(next, out var c) && c == component[from] && !previous.ContainsKey(next))
                {
                    previous[next] = current;
                    queue.Enqueue(next);
                }
            }
        }

        var path = new List<string>();
        for (string? step = to; step is not null; step = previous.TryGetValue(step, out var p) ? p : null)
        {
            path.Insert(0, step);
        }

        return path;
    }

    /// <summary>Tarjan's algorithm; nodes alone in their component and without a self-edge get no entry.</summary>
    private static Dictionary<string, int> StronglyConnectedComponents(Dictionary<string, GraphNode> nodes)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var onStack = new HashSet<string>();
        var stack = new Stack<string>();
        var result = new Dictionary<string, int>();
        var next = 0;
        var componentId = 0;

        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var edge in nodes[v].Edges)
            {
                var w = edge.TargetFullyQualifiedName;
                if (!nodes.ContainsKey(w))
                {
                    continue;
                }

                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = System.Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = System.Math.Min(low[v], index[w]);
                }
            }

            if (low[v] != index[v])
            {
                return;
            }

            var members = new List<string>();
            string popped;
            do
            {
                popped = stack.Pop();
                onStack.Remove(popped);
                members.Add(popped);
            }
            while (popped != v);

            var selfLoop = nodes[v].Edges.Any(e => e.TargetFullyQualifiedName == v);
            if (members.Count > 1 || selfLoop)
            {
                foreach (var member in members)
                {
                    result[member] = componentId;
                }

                componentId++;
            }
        }

        foreach (var name in nodes.Keys)
        {
            if (!index.ContainsKey(name))
            {
                Visit(name);
            }
        }

        return result;
    }
}
