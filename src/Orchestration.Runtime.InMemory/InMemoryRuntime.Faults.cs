using Orchestration.Runtime;

namespace Orchestration.InMemory;

/// <summary>Changing the simulated world: nodes joining, leaving, failing; containers crashing; starts failing.</summary>
public sealed partial class InMemoryRuntime
{
    private int _failStarts;
    private string _failReason = "simulated start failure";

    /// <summary>Adds a ready node (or replaces one with the same name).</summary>
    public void AddNode(string name, long cpuMillicores = InMemoryRuntimeOptions.DefaultCpuMillicores, long memoryBytes = InMemoryRuntimeOptions.DefaultMemoryBytes, IReadOnlyDictionary<string, string>? labels = null, IEnumerable<Taint>? taints = null)
    {
        var info = CreateNode(name, cpuMillicores, memoryBytes, labels, taints);
        lock (_gate)
        {
            _nodes[name] = new SimulatedNode { Info = info };
            EmitNode(name, RuntimeEventKind.NodeChanged, NodeState.Ready);
        }
    }

    /// <summary>Removes a node for good, with its containers.</summary>
    public void RemoveNode(string name)
    {
        lock (_gate)
        {
            foreach (var c in _containers.Values.Where(c => c.Info.Ref.Node == name).ToList())
            {
                Destroy(c);
            }

            if (_nodes.Remove(name))
            {
                EmitNode(name, RuntimeEventKind.NodeChanged, null);
            }
        }
    }

    /// <summary>Replaces a node's taints, as an operator tainting a running node would; its containers stay.</summary>
    /// <exception cref="ArgumentException">There is no such node.</exception>
    public void SetTaints(string name, params Taint[] taints)
    {
        ArgumentNullException.ThrowIfNull(taints);
        lock (_gate)
        {
            if (!_nodes.TryGetValue(name, out var node))
            {
                throw new ArgumentException($"There is no node '{name}'.", nameof(name));
            }

            node.Info = node.Info with { Taints = [.. taints] };
            EmitNode(name, RuntimeEventKind.NodeChanged, node.Info.State);
        }
    }

    /// <summary>Makes a node stop answering: it reports NotReady, its containers are frozen and unreachable, and
    /// calls to them fail until <see cref="RestoreNode"/>.</summary>
    public void LoseNode(string name) => SetNodeState(name, NodeState.NotReady);

    /// <summary>Brings a lost node back with whatever it was running, and tells watchers to list again.</summary>
    public void RestoreNode(string name)
    {
        lock (_gate)
        {
            SetNodeState(name, NodeState.Ready);
            EmitNode(name, RuntimeEventKind.Resync, null);
        }
    }

    /// <summary>Ends a running container's process with <paramref name="exitCode"/>; returns whether it was running.</summary>
    public bool CrashContainer(string containerId, int exitCode = 1, bool oomKilled = false)
    {
        lock (_gate)
        {
            if (!_containers.TryGetValue(containerId, out var c) || c.Info.State != ContainerState.Running
                || !_nodes.TryGetValue(c.Info.Ref.Node, out var node) || !node.Reachable)
            {
                return false;
            }

            Exit(c, exitCode, oomKilled);
            return true;
        }
    }

    /// <summary>Crashes the first running container of <paramref name="workload"/> (by name) on a reachable node;
    /// returns it, or <see langword="null"/> when none runs.</summary>
    public ContainerInfo? CrashReplica(string workload, int exitCode = 1)
    {
        lock (_gate)
        {
            var victim = _containers.Values
                .Where(c => c.Workload == workload && c.Info.State == ContainerState.Running && _nodes[c.Info.Ref.Node].Reachable)
                .OrderBy(c => c.Info.Name, StringComparer.Ordinal)
                .FirstOrDefault();
            if (victim is null)
            {
                return null;
            }

            Exit(victim, exitCode, oomKilled: false);
            return victim.Info;
        }
    }

    /// <summary>Makes the next <paramref name="count"/> starts throw with <paramref name="reason"/>.</summary>
    public void FailNextStarts(int count, string reason = "simulated start failure")
    {
        lock (_gate)
        {
            _failStarts = count;
            _failReason = reason;
        }
    }

    /// <summary>Sets how the containers of <paramref name="image"/> started from now on behave.</summary>
    public void SetImageBehavior(string image, ImageBehavior behavior)
    {
        lock (_gate)
        {
            _images[image] = behavior;
        }
    }

    private void SetNodeState(string name, NodeState state)
    {
        lock (_gate)
        {
            if (_nodes.TryGetValue(name, out var node) && node.Info.State != state)
            {
                node.Info = node.Info with { State = state };
                EmitNode(name, RuntimeEventKind.NodeChanged, state);
            }
        }
    }

    private void ConsumeStartFailure()
    {
        if (_failStarts > 0)
        {
            _failStarts--;
            throw new InvalidOperationException(_failReason);
        }
    }
}
