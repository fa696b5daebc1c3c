using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Primitives;
using Orchestration.Observed;
using Orchestration.Reconciliation;

namespace Orchestration.Services;

/// <summary>The ready replicas of each workload, recomputed from the status board whenever it changes. Readers get the
/// last published set; a change cancels the workload's change token and raises <see cref="Changed"/>.</summary>
internal sealed class ServiceEndpointTable : IServiceEndpoints
{
    private readonly StatusBoard _status;
    private readonly ObservedState _observed;
    private readonly ConcurrentDictionary<string, ImmutableArray<ReadyReplica>> _ready = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _tokens = new(StringComparer.Ordinal);
    private readonly object _refreshGate = new();
    private long _refreshed = -1;

    public ServiceEndpointTable(StatusBoard status, ObservedState observed)
    {
        _status = status;
        _observed = observed;
    }

    /// <summary>Raised after the ready set of a workload changed, with the workload's name; on the refreshing thread.</summary>
    public event Action<string>? Changed;

    public IReadOnlyList<ServiceEndpoint> GetEndpoints(string workload, string? port = null)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return [.. ReadyOf(workload).SelectMany(r => r.Status.Ports
            .Where(p => port is null || p.Key == port)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new ServiceEndpoint(workload, p.Key, r.Status.Id, p.Value)))];
    }

    /// <summary>The ready replicas of <paramref name="workload"/>, ordered by replica id.</summary>
    public ImmutableArray<ReadyReplica> ReadyOf(string workload)
    {
        // Never behind the status a caller may just have read: a status published since the last refresh (whose
        // background refresh has not run yet) is taken in first.
        if (_status.Version != Interlocked.Read(ref _refreshed))
        {
            Refresh();
        }

        return _ready.GetValueOrDefault(workload, []);
    }

    /// <summary>The replicas of <paramref name="workload"/> whose container runs but that have not passed readiness
    /// yet (from the last published status), and the endpoints of <paramref name="port"/> their containers publish
    /// (from the observed containers; a status shows ports only once ready).</summary>
    public (ImmutableArray<ReadyReplica> Replicas, IReadOnlyList<ServiceEndpoint> Endpoints) StartingOf(string workload, string port)
    {
        if (_status.Get(workload) is not { } status)
        {
            return ([], []);
        }

        var containers = _observed.ContainersOf(workload).ToDictionary(c => c.Ref.Id, StringComparer.Ordinal);
        var replicas = ImmutableArray.CreateBuilder<ReadyReplica>();
        var endpoints = new List<ServiceEndpoint>();
        foreach (var replica in status.Replicas.Where(r => !r.Ready && r.Phase == ReplicaPhase.Running && r.ContainerId is not null).OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var container = containers.GetValueOrDefault(replica.ContainerId!);
            replicas.Add(new ReadyReplica(replica, container?.NetworkAddress));
            if (container?.PublishedPorts.GetValueOrDefault(port) is { } published)
            {
                endpoints.Add(new ServiceEndpoint(workload, port, replica.Id, published));
            }
        }

        return (replicas.ToImmutable(), endpoints);
    }

    /// <summary>Completes when the control loop next publishes a status.</summary>
    public Task NextStatus => _status.Changed.Next;

    public IChangeToken GetChangeToken(string workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var source = _tokens.GetOrAdd(workload, _ => new CancellationTokenSource());
        return new CancellationChangeToken(source.Token);
    }

    /// <summary>Reads the status board and signals every workload whose ready set changed.</summary>
    public void Refresh()
    {
        var changed = new List<string>();
        lock (_refreshGate)
        {
            var version = _status.Version;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var workload in _status.All)
            {
                seen.Add(workload.Name);
                var next = Compute(workload);
                if (!_ready.TryGetValue(workload.Name, out var previous) || !SameSet(previous, next))
                {
                    _ready[workload.Name] = next;
                    changed.Add(workload.Name);
                }
            }

            foreach (var gone in _ready.Keys.Where(k => !seen.Contains(k)).ToList())
            {
                if (_ready.TryRemove(gone, out var previous) && previous.Length > 0)
                {
                    changed.Add(gone);
                }
            }

            Interlocked.Exchange(ref _refreshed, version);
        }

        foreach (var workload in changed)
        {
            if (_tokens.TryRemove(workload, out var source))
            {
                source.Cancel();
                source.Dispose();
            }

            Changed?.Invoke(workload);
        }
    }

    private ImmutableArray<ReadyReplica> Compute(WorkloadStatus workload)
    {
        var containers = _observed.ContainersOf(workload.Name).ToDictionary(c => c.Ref.Id, StringComparer.Ordinal);
        return [.. workload.Replicas
            .Where(r => r.Ready)
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new ReadyReplica(r, r.ContainerId is { } id && containers.TryGetValue(id, out var c) ? c.NetworkAddress : null))];
    }

    private static bool SameSet(ImmutableArray<ReadyReplica> a, ImmutableArray<ReadyReplica> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            var (x, y) = (a[i], b[i]);
            if (x.Status.Id != y.Status.Id || x.Status.ContainerId != y.Status.ContainerId || x.Status.Node != y.Status.Node
                || x.NetworkAddress != y.NetworkAddress || !x.Status.Ports.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(y.Status.Ports.OrderBy(p => p.Key, StringComparer.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }
}
