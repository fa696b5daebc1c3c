using Orchestration.Runtime;

namespace Orchestration.Observed;

/// <summary>What the runtimes report: the fleet's containers and the nodes. Filled by one full list per runtime,
/// then its event stream, with a list again only when the stream broke or skipped a container; the controllers read it (through their expectations) and never
/// write it or list the runtime themselves. Writes carry a sequence number so a relist that started before a write
/// cannot undo it.</summary>
internal sealed partial class ObservedState
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _containers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, ContainerInfo>> _byWorkload = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _destroyed = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>The fleet's containers of <paramref name="workload"/>.</summary>
    public IReadOnlyList<ContainerInfo> ContainersOf(string workload)
    {
        lock (_gate)
        {
            return _byWorkload.TryGetValue(workload, out var set) ? [.. set.Values] : [];
        }
    }

    /// <summary>Every workload name found on a container.</summary>
    public IReadOnlyList<string> Workloads()
    {
        lock (_gate)
        {
            return [.. _byWorkload.Keys];
        }
    }

    /// <summary>Applies a container event. Returns the workload it concerns (or <see langword="null"/>) and whether the
    /// container was unknown, so that the caller lists again.</summary>
    public (string? Workload, bool Unknown) Apply(RuntimeEvent e)
    {
        if (e.ContainerId is not { } id)
        {
            return (null, false);
        }

        lock (_gate)
        {
            if (e.Kind == RuntimeEventKind.Destroyed)
            {
                var workload = _containers.TryGetValue(id, out var gone) ? gone.Info.Label(OrchestrationLabels.Workload) : e.Workload;
                Delete(id);
                return (workload, false);
            }

            if (!_containers.TryGetValue(id, out var entry))
            {
                if (_destroyed.ContainsKey(id))
                {
                    return (e.Workload, false);
                }

                if (e.Container is not { } carried)
                {
                    return (e.Workload, true);
                }

                // The event says what the container is: no need to list every container again to learn it.
                Put(carried);
                return (carried.Label(OrchestrationLabels.Workload), false);
            }

            var info = entry.Info;
            var next = e.Kind switch
            {
                // A start that carries the container knows what the last report could not (its published ports).
                RuntimeEventKind.Started when e.Container is { } started => started,
                RuntimeEventKind.Started => info with { State = ContainerState.Running, StartedAt = e.Time, ExitCode = null, FinishedAt = null },
                RuntimeEventKind.Died => info with { State = ContainerState.Exited, ExitCode = e.ExitCode, FinishedAt = e.Time },
                RuntimeEventKind.OutOfMemory => info with { OomKilled = true },
                _ => info,
            };
            if (!ReferenceEquals(next, info))
            {
                Put(next);
            }

            return (info.Label(OrchestrationLabels.Workload), false);
        }
    }

    /// <summary>Starts a relist: returns the sequence number to pass to <see cref="ApplyList"/>.</summary>
    public long BeginList()
    {
        lock (_gate)
        {
            return ++_sequence;
        }
    }

    /// <summary>Replaces what is known of <paramref name="nodes"/>' containers with <paramref name="listed"/>, except
    /// for writes made after the list began. Returns the workloads that changed.</summary>
    public IReadOnlyCollection<string> ApplyList(IReadOnlySet<string> nodes, IReadOnlyList<ContainerInfo> listed, long listSequence)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        lock (_gate)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var info in listed)
            {
                seen.Add(info.Ref.Id);
                if (_destroyed.TryGetValue(info.Ref.Id, out var destroyedAt) && destroyedAt > listSequence)
                {
                    continue;
                }

                if (_containers.TryGetValue(info.Ref.Id, out var entry) && (entry.Sequence > listSequence || entry.Info == info))
                {
                    continue;
                }

                Put(info);
                AddWorkload(changed, info);
            }

            foreach (var entry in _containers.Values.ToList())
            {
                if (nodes.Contains(entry.Info.Ref.Node) && !seen.Contains(entry.Info.Ref.Id) && entry.Sequence < listSequence)
                {
                    AddWorkload(changed, entry.Info);
                    Delete(entry.Info.Ref.Id);
                }
            }

            foreach (var id in _destroyed.Where(d => d.Value < listSequence).Select(d => d.Key).ToList())
            {
                _destroyed.Remove(id);
            }
        }

        return changed;
    }

    /// <summary>Forgets every container (after the fleet was deleted).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _containers.Clear();
            _byWorkload.Clear();
        }
    }

    private static void AddWorkload(HashSet<string> changed, ContainerInfo info)
    {
        if (info.Label(OrchestrationLabels.Workload) is { } workload)
        {
            changed.Add(workload);
        }
    }

    private void Put(ContainerInfo info)
    {
        _containers[info.Ref.Id] = new Entry(info, ++_sequence);
        if (info.Label(OrchestrationLabels.Workload) is { } workload)
        {
            if (!_byWorkload.TryGetValue(workload, out var set))
            {
                set = new Dictionary<string, ContainerInfo>(StringComparer.Ordinal);
                _byWorkload.Add(workload, set);
            }

            set[info.Ref.Id] = info;
        }
    }

    private void Delete(string id)
    {
        _destroyed[id] = ++_sequence;
        if (_containers.Remove(id, out var entry) && entry.Info.Label(OrchestrationLabels.Workload) is { } workload
            && _byWorkload.TryGetValue(workload, out var set))
        {
            set.Remove(id);
            if (set.Count == 0)
            {
                _byWorkload.Remove(workload);
            }
        }
    }

    private sealed record Entry(ContainerInfo Info, long Sequence);
}
