using System.Collections.Immutable;
using Orchestration.Runtime;

namespace Orchestration.InMemory;

/// <summary>The starting shape of an <see cref="InMemoryRuntime"/>: its nodes, start delay and image behaviours.</summary>
public sealed class InMemoryRuntimeOptions
{
    /// <summary>4 cores.</summary>
    public const long DefaultCpuMillicores = 4000;

    /// <summary>8 GiB.</summary>
    public const long DefaultMemoryBytes = 8L * 1024 * 1024 * 1024;

    /// <summary>The nodes present from the start.</summary>
    public IList<NodeInfo> Nodes { get; } = [];

    /// <summary>Time between a container's creation and its process running.</summary>
    /// <value>The default value is zero: containers run as soon as they are created.</value>
    public TimeSpan StartDelay { get; set; }

    /// <summary>Behaviour per image reference; images not listed run until stopped.</summary>
    public IDictionary<string, ImageBehavior> Images { get; } = new Dictionary<string, ImageBehavior>(StringComparer.Ordinal);

    /// <summary>Adds a ready node.</summary>
    /// <param name="name">Unique node name.</param>
    /// <param name="cpuMillicores">CPU capacity; the default is 4 cores.</param>
    /// <param name="memoryBytes">Memory capacity; the default is 8 GiB.</param>
    /// <param name="labels">Node labels for selectors.</param>
    /// <param name="taints">Node taints.</param>
    public InMemoryRuntimeOptions AddNode(string name, long cpuMillicores = DefaultCpuMillicores, long memoryBytes = DefaultMemoryBytes, IReadOnlyDictionary<string, string>? labels = null, IEnumerable<Taint>? taints = null)
    {
        Nodes.Add(InMemoryRuntime.CreateNode(name, cpuMillicores, memoryBytes, labels, taints));
        return this;
    }

    /// <summary>Adds <paramref name="count"/> identical nodes named <c>{prefix}-0</c>, <c>{prefix}-1</c>…</summary>
    public InMemoryRuntimeOptions AddNodes(int count, string prefix = "node", long cpuMillicores = DefaultCpuMillicores, long memoryBytes = DefaultMemoryBytes)
    {
        for (var i = 0; i < count; i++)
        {
            AddNode($"{prefix}-{i}", cpuMillicores, memoryBytes);
        }

        return this;
    }

    internal static ImmutableSortedDictionary<string, string> Labels(IReadOnlyDictionary<string, string>? labels)
        => labels is null ? ImmutableSortedDictionary<string, string>.Empty : labels.ToImmutableSortedDictionary(StringComparer.Ordinal);
}
