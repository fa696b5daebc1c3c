namespace Orchestration.InMemory;

/// <summary>Named volumes: created on a node when a container first mounts them (as an engine does), kept after the
/// container is removed, and refused removal while a container (in any state) still mounts them.</summary>
public sealed partial class InMemoryRuntime
{
    private readonly HashSet<(string Node, string Name)> _volumes = [];

    /// <summary>Every volume, as (node, name).</summary>
    public IReadOnlyList<(string Node, string Name)> Volumes
    {
        get
        {
            lock (_gate)
            {
                return [.. _volumes.OrderBy(v => v.Node, StringComparer.Ordinal).ThenBy(v => v.Name, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>The ids of the containers (any state) that mount <paramref name="volume"/> on <paramref name="node"/>.</summary>
    public IReadOnlyList<string> MountedBy(string node, string volume)
    {
        lock (_gate)
        {
            return [.. _containers.Values.Where(c => c.Info.Ref.Node == node && c.Volumes.Contains(volume)).Select(c => c.Info.Ref.Id)];
        }
    }

    /// <inheritdoc />
    public Task RemoveVolumeAsync(string node, string volume, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ReachableNode(node);
            if (_containers.Values.Any(c => c.Info.Ref.Node == node && c.Volumes.Contains(volume)))
            {
                throw new InvalidOperationException($"Volume '{volume}' on node '{node}' is in use.");
            }

            _volumes.Remove((node, volume));
        }

        return Task.CompletedTask;
    }
}
