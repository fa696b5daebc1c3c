using Orchestration.Runtime;

namespace Orchestration.Scheduling;

/// <summary>The nodes and every reservation on them. All reads and writes happen under <see cref="Gate"/>, so a
/// placement and its reservation are one step and concurrent placements never overbook a node.</summary>
internal sealed partial class SchedulingCache
{
    private readonly Dictionary<string, SchedulerNode.Writer> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SpreadTracker> _spread = new(StringComparer.Ordinal);
    private SchedulerNode[] _nodes = [];

    public object Gate { get; } = new();

    /// <summary>Every node, in a stable order. Read under <see cref="Gate"/>.</summary>
    public SchedulerNode[] Nodes => _nodes;

    public SchedulerNode? Find(string node)
    {
        lock (Gate)
        {
            return _byName.GetValueOrDefault(node)?.Node;
        }
    }

    /// <summary>Adds or updates <paramref name="info"/>; returns whether anything changed.</summary>
    public bool Upsert(NodeInfo info)
    {
        lock (Gate)
        {
            SchedulerNode node;
            if (_byName.TryGetValue(info.Name, out var writer))
            {
                node = writer.Node;
                if (node.Info == info)
                {
                    return false;
                }

                writer.Update(info);
            }
            else
            {
                node = SchedulerNode.Create(info, out writer);
                _byName.Add(info.Name, writer);
                _nodes = [.. _nodes, node];
            }

            foreach (var tracker in _spread.Values)
            {
                tracker.Refresh(node);
            }

            return true;
        }
    }

    /// <summary>Removes nodes no longer reported; returns their names.</summary>
    public IReadOnlyList<string> RemoveMissing(IReadOnlySet<string> present)
    {
        lock (Gate)
        {
            var gone = _nodes.Where(n => !present.Contains(n.Name)).ToList();
            if (gone.Count == 0)
            {
                return [];
            }

            foreach (var node in gone)
            {
                _byName.Remove(node.Name);
                foreach (var tracker in _spread.Values)
                {
                    tracker.Forget(node);
                }
            }

            _nodes = [.. _nodes.Where(n => present.Contains(n.Name))];
            return [.. gone.Select(n => n.Name)];
        }
    }

    /// <summary>Reserves <paramref name="request"/> on <paramref name="node"/>; the caller holds <see cref="Gate"/>
    /// and has checked the filters (or adopts something already running).</summary>
    public Reservation ReserveLocked(SchedulerNode node, in PlacementRequest request)
    {
        var name = request.Workload.Name;
        var repels = request.Workload.Placement.RequiredAntiAffinity;
        var to = _byName[node.Name].Reserve(name, request.CpuMillicores, request.MemoryBytes, repels);
        if (_spread.TryGetValue(name, out var tracker))
        {
            tracker.Changed(node, to - 1, to);
        }

        return new Reservation(node.Name, name, request.CpuMillicores, request.MemoryBytes, repels);
    }

    /// <summary>Reserves on the named node whatever its capacity (adoption of a running container); returns
    /// <see langword="null"/> when the node is unknown.</summary>
    public Reservation? ForceReserve(string node, in PlacementRequest request)
    {
        lock (Gate)
        {
            return _byName.TryGetValue(node, out var writer) ? ReserveLocked(writer.Node, request) : null;
        }
    }

    public void Release(Reservation reservation)
    {
        lock (Gate)
        {
            if (!_byName.TryGetValue(reservation.Node, out var writer))
            {
                return;
            }

            var node = writer.Node;
            var to = writer.Release(reservation.Workload, reservation.CpuMillicores, reservation.MemoryBytes, reservation.Repels);
            if (_spread.TryGetValue(reservation.Workload, out var tracker))
            {
                tracker.Changed(node, to + 1, to);
            }
        }
    }

    /// <summary>The smallest per-node count of the workload over its eligible nodes. Caller holds <see cref="Gate"/>.</summary>
    public int MinCountLocked(WorkloadSpec workload)
    {
        if (!_spread.TryGetValue(workload.Name, out var tracker) || !ReferenceEquals(tracker.Workload.Placement, workload.Placement))
        {
            tracker = new SpreadTracker(workload, _nodes);
            _spread[workload.Name] = tracker;
        }

        return tracker.MinCount;
    }

    /// <summary>Forgets every node and reservation (after the fleet was deleted); the next relist adds the nodes back.</summary>
    public void Clear()
    {
        lock (Gate)
        {
            _byName.Clear();
            _spread.Clear();
            _nodes = [];
        }
    }
}
