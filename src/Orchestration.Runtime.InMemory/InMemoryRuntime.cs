using System.Collections.Immutable;
using System.Globalization;
using Orchestration.Runtime;

namespace Orchestration.InMemory;

/// <summary>A simulated pool of nodes for tests and scale runs. Containers go through the states a real engine
/// reports (created, running, exited, removed), with the same events, driven only by the injected
/// <see cref="TimeProvider"/>, so runs under a fake clock are deterministic. Faults can be injected: crash a
/// container, fail or slow down starts, lose a node and bring it back.</summary>
public sealed partial class InMemoryRuntime : IContainerRuntime
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<string, SimulatedNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimulatedContainer> _containers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImageBehavior> _images = new(StringComparer.Ordinal);
    private readonly HashSet<string> _fleets = new(StringComparer.Ordinal);
    private readonly HashSet<(string Node, string Name)> _names = [];
    private long _nextId;
    private int _nextPort = 30000;

    /// <summary>Creates a runtime without nodes.</summary>
    public InMemoryRuntime(TimeProvider time)
        : this(time, new InMemoryRuntimeOptions())
    {
    }

    /// <summary>Creates a runtime shaped by <paramref name="options"/>.</summary>
    public InMemoryRuntime(TimeProvider time, InMemoryRuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        StartDelay = options.StartDelay;
        foreach (var node in options.Nodes)
        {
            _nodes[node.Name] = new SimulatedNode { Info = node };
        }

        foreach (var (image, behavior) in options.Images)
        {
            _images[image] = behavior;
        }
    }

    /// <summary>Time between a container's creation and its process running; zero runs it at once.</summary>
    public TimeSpan StartDelay { get; set; }

    /// <summary>Containers started so far.</summary>
    public int StartCount { get; private set; }

    /// <summary>Every node.</summary>
    public IReadOnlyList<NodeInfo> Nodes
    {
        get
        {
            lock (_gate)
            {
                return [.. _nodes.Values.Select(n => n.Info).OrderBy(n => n.Name, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Every container, on reachable and unreachable nodes alike.</summary>
    public IReadOnlyList<ContainerInfo> Containers
    {
        get
        {
            lock (_gate)
            {
                return [.. _containers.Values.Select(c => c.Info).OrderBy(c => c.Name, StringComparer.Ordinal)];
            }
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<NodeInfo>> GetNodesAsync(CancellationToken cancellationToken) => Task.FromResult(Nodes);

    /// <inheritdoc />
    public Task<IReadOnlyList<ContainerInfo>> ListContainersAsync(string fleet, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<ContainerInfo> list = [.. _containers.Values
                .Where(c => c.Fleet == fleet && _nodes.TryGetValue(c.Info.Ref.Node, out var n) && n.Reachable)
                .Select(c => c.Info)];
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public void Validate(WorkloadSpec spec, ICollection<ValidationProblem> problems)
    {
    }

    /// <inheritdoc />
    public Task PrepareFleetAsync(string fleet, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _fleets.Add(fleet);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteFleetAsync(string fleet, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _fleets.Remove(fleet);
        }

        return Task.CompletedTask;
    }

    /// <summary>Whether <see cref="PrepareFleetAsync"/> ran for the fleet and it was not deleted since.</summary>
    public bool HasFleet(string fleet)
    {
        lock (_gate)
        {
            return _fleets.Contains(fleet);
        }
    }

    /// <inheritdoc />
    public Task EnsureImageAsync(ContainerLaunch launch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(launch);
        lock (_gate)
        {
            return IsMissing(launch.Container.Image)
                ? Task.FromException(new ImageUnavailableException(launch.Container.Image, launch.Node, "it is not on the node and the pull policy is Never") { Permanent = true })
                : Task.CompletedTask;
        }
    }

    /// <inheritdoc />
    public Task<ContainerInfo> StartAsync(ContainerLaunch launch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(launch);
        lock (_gate)
        {
            var node = ReachableNode(launch.Node);
            ConsumeStartFailure();
            if (!_names.Add((launch.Node, launch.Name)))
            {
                throw new InvalidOperationException($"The container name '{launch.Name}' is already in use on node '{node.Info.Name}'.");
            }

            var ports = ImmutableDictionary.CreateBuilder<string, HostEndpoint>(StringComparer.Ordinal);
            foreach (var port in launch.Container.Ports)
            {
                ports[port.Name] = new HostEndpoint(port.HostIp ?? "127.0.0.1", port.HostPort ?? _nextPort++);
            }

            var id = (++_nextId).ToString("x12", CultureInfo.InvariantCulture);
            var container = new SimulatedContainer
            {
                Fleet = launch.Fleet,
                Image = launch.Container.Image,
                Volumes = [.. launch.Container.Mounts.Concat(launch.ReplicaVolumes).Where(m => m.Kind == MountKind.Volume && m.Source is not null).Select(m => m.Source!)],
                Info = new ContainerInfo
                {
                    Ref = new ContainerRef(launch.Node, id),
                    Name = launch.Name,
                    Labels = launch.Labels,
                    State = ContainerState.Created,
                    PublishedPorts = ports.ToImmutable(),
                    NetworkAddress = $"10.0.{(_nextId >> 8) & 255}.{_nextId & 255}",
                },
            };
            _containers.Add(id, container);
            foreach (var volume in container.Volumes)
            {
                _volumes.Add((launch.Node, volume));
            }

            StartCount++;
            Emit(container, RuntimeEventKind.Created);
            if (StartDelay <= TimeSpan.Zero)
            {
                Run(container);
            }
            else
            {
                container.Timer = _time.CreateTimer(_ => OnTimer(id, run: true), null, StartDelay, Timeout.InfiniteTimeSpan);
            }

            return Task.FromResult(container.Info);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(ContainerRef container, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ReachableNode(container.Node);
            if (_containers.TryGetValue(container.Id, out var c))
            {
                Exit(c, 143, oomKilled: false);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RemoveAsync(ContainerRef container, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_containers.TryGetValue(container.Id, out var c))
            {
                return Task.CompletedTask;
            }

            ReachableNode(container.Node);
            ConsumeRemovalFailure();
            Exit(c, 137, oomKilled: false);
            Destroy(c);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ExecResult> ExecAsync(ContainerRef container, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ReachableNode(container.Node);
            var running = _containers.TryGetValue(container.Id, out var c) && c.Info.State == ContainerState.Running;
            return Task.FromResult(running
                ? new ExecResult(0, string.Empty, false)
                : throw new InvalidOperationException($"Container {container} is not running."));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetLogsAsync(ContainerRef container, int tail, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<string> lines = _containers.TryGetValue(container.Id, out var c)
                ? [$"{c.Info.Name} {c.Info.State}"]
                : [];
            return Task.FromResult(lines);
        }
    }

    internal static NodeInfo CreateNode(string name, long cpuMillicores, long memoryBytes, IReadOnlyDictionary<string, string>? labels, IEnumerable<Taint>? taints)
        => new()
        {
            Name = name,
            CpuMillicores = cpuMillicores,
            MemoryBytes = memoryBytes,
            Labels = InMemoryRuntimeOptions.Labels(labels),
            Taints = taints?.ToImmutableArray() ?? [],
        };

    private SimulatedNode ReachableNode(string name)
    {
        if (!_nodes.TryGetValue(name, out var node))
        {
            throw new InvalidOperationException($"Node '{name}' does not exist.");
        }

        return node.Reachable ? node : throw new InvalidOperationException($"Node '{name}' does not answer.");
    }

    private void Run(SimulatedContainer c)
    {
        c.Timer?.Dispose();
        c.Timer = null;
        c.Info = c.Info with { State = ContainerState.Running, StartedAt = _time.GetUtcNow(), ExitCode = null, FinishedAt = null };
        Emit(c, RuntimeEventKind.Started);
        if (_images.TryGetValue(c.Image, out var behavior) && behavior.RunFor is { } runFor)
        {
            var id = c.Info.Ref.Id;
            c.Timer = _time.CreateTimer(_ => OnTimer(id, run: false), null, runFor, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnTimer(string id, bool run)
    {
        lock (_gate)
        {
            if (!_containers.TryGetValue(id, out var c) || !_nodes.TryGetValue(c.Info.Ref.Node, out var node) || !node.Reachable)
            {
                return;
            }

            if (run && c.Info.State == ContainerState.Created)
            {
                Run(c);
            }
            else if (!run && c.Info.State == ContainerState.Running && _images.TryGetValue(c.Image, out var behavior))
            {
                Exit(c, behavior.ExitCode, oomKilled: false);
            }
        }
    }

    private void Exit(SimulatedContainer c, int exitCode, bool oomKilled)
    {
        c.Timer?.Dispose();
        c.Timer = null;
        if (c.Info.State is not (ContainerState.Running or ContainerState.Created))
        {
            return;
        }

        c.Info = c.Info with { State = ContainerState.Exited, ExitCode = exitCode, OomKilled = oomKilled, FinishedAt = _time.GetUtcNow() };
        if (oomKilled)
        {
            Emit(c, RuntimeEventKind.OutOfMemory);
        }

        Emit(c, RuntimeEventKind.Died, exitCode);
    }

    private void Destroy(SimulatedContainer c)
    {
        c.Timer?.Dispose();
        _containers.Remove(c.Info.Ref.Id);
        _names.Remove((c.Info.Ref.Node, c.Info.Name));
        Emit(c, RuntimeEventKind.Destroyed);
    }
}
