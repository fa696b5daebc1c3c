using Microsoft.Extensions.Options;

namespace Orchestration.Runtime.Docker.Client;

/// <summary>The engines configured as nodes, by name; one "local" node when none is configured.</summary>
internal sealed class DockerNodes : IDisposable
{
    private readonly Dictionary<string, DockerNode> _byName;

    public DockerNodes(IOptions<DockerRuntimeOptions> options, TimeProvider timeProvider)
    {
        var value = options.Value;
        var configured = value.Nodes.Count > 0 ? value.Nodes : [new DockerNodeOptions()];
        All = [.. configured.Select(n => new DockerNode(n, value, timeProvider))];
        _byName = All.ToDictionary(n => n.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<DockerNode> All { get; }

    public DockerNode this[string name]
        => _byName.TryGetValue(name, out var node)
            ? node
            : throw new ArgumentException($"Node '{name}' is not a Docker node of this runtime (nodes: {string.Join(", ", _byName.Keys)}).", nameof(name));

    public void Dispose()
    {
        foreach (var node in All)
        {
            node.Dispose();
        }
    }
}
