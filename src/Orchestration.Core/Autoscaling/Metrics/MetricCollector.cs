using Orchestration.Observed;
using Orchestration.Reconciliation;
using Orchestration.Runtime;

namespace Orchestration.Autoscaling;

/// <summary>Reads every metric of one autoscaled service for a decision: CPU and memory from the container statistics
/// streams, connections and request rates from the service addresses, custom values from their delegates and
/// instruments from a <see cref="System.Diagnostics.Metrics.MeterListener"/>.</summary>
internal sealed class MetricCollector : IDisposable
{
    private static readonly TimeSpan CustomTimeout = TimeSpan.FromSeconds(5);
    private readonly string _workload;
    private readonly StatusBoard _status;
    private readonly ObservedState _observed;
    private readonly ContainerStatsFeed _stats;
    private readonly Dictionary<string, InstrumentReader> _instruments = new(StringComparer.Ordinal);
    private DateTimeOffset _lastRead;

    public MetricCollector(string workload, StatusBoard status, ObservedState observed, ContainerStatsFeed stats, BalancerLoad? load, DateTimeOffset start)
    {
        _workload = workload;
        _status = status;
        _observed = observed;
        _stats = stats;
        Load = load;
        _lastRead = start;
    }

    public BalancerLoad? Load { get; }

    /// <summary>The live replicas: not terminating, not ended.</summary>
    public IReadOnlyList<ReplicaStatus> Replicas()
        => _status.Get(_workload)?.Replicas.Where(r => r.Phase is not (ReplicaPhase.Terminating or ReplicaPhase.Failed or ReplicaPhase.Succeeded)).ToList() ?? [];

    /// <summary>Keeps the statistics streams of the live replicas' containers open when a metric needs them.</summary>
    public void FollowContainers(AutoscalingSpec spec)
    {
        if (!spec.Metrics.Any(m => m.Source is MetricSource.Cpu or MetricSource.Memory))
        {
            return;
        }

        var containers = new List<(ContainerRef, IContainerRuntime)>();
        foreach (var replica in Replicas())
        {
            if (replica is { ContainerId: { } id, Node: { } node } && _observed.Node(node)?.Runtime is { } runtime)
            {
                containers.Add((new ContainerRef(node, id), runtime));
            }
        }

        _stats.Follow(containers);
    }

    public async Task<IReadOnlyList<MetricObservation>> ReadAsync(WorkloadSpec spec, AutoscalingSpec autoscaling, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = _lastRead;
        _lastRead = now;
        var replicas = Replicas();
        var load = Load?.Read(now);
        var observations = new List<MetricObservation>();
        foreach (var target in autoscaling.Metrics)
        {
            observations.Add(target.Source switch
            {
                MetricSource.Cpu => new MetricObservation(target)
                {
                    Replicas = [.. replicas.Select(r => new ReplicaValue(r.Id, r.Ready, Stats(r, since) is { } s ? s.CpuCores * 1000 / spec.Resources.EffectiveCpuMillicores * 100 : null))],
                },
                MetricSource.Memory => new MetricObservation(target)
                {
                    Replicas = [.. replicas.Select(r => new ReplicaValue(r.Id, r.Ready, Stats(r, since) is { } s ? s.MemoryBytes / spec.Resources.EffectiveMemoryBytes * 100 : null))],
                },
                MetricSource.RequestsPerSecond => new MetricObservation(target)
                {
                    Replicas = load is null ? null : [.. replicas.Select(r => new ReplicaValue(r.Id, r.Ready, r.Ready ? load.GetValueOrDefault(r.Id).PerSecond : null))],
                },
                MetricSource.Connections => new MetricObservation(target)
                {
                    Replicas = load is null ? null : [.. replicas.Select(r => new ReplicaValue(r.Id, r.Ready, r.Ready ? load.GetValueOrDefault(r.Id).Open : null))],
                },
                MetricSource.Custom => new MetricObservation(target) { Total = await ReadCustomAsync(target, cancellationToken).ConfigureAwait(false) },
                _ => new MetricObservation(target) { Total = Instrument(target).Read(now) },
            });
        }

        return observations;
    }

    public void Dispose()
    {
        foreach (var reader in _instruments.Values)
        {
            reader.Dispose();
        }
    }

    private (double CpuCores, double MemoryBytes)? Stats(ReplicaStatus replica, DateTimeOffset since)
        => replica.ContainerId is { } id ? _stats.Average(id, since) : null;

    private InstrumentReader Instrument(MetricTarget target)
    {
        var key = target.Meter + "/" + target.Instrument;
        if (!_instruments.TryGetValue(key, out var reader))
        {
            reader = new InstrumentReader(target.Meter!, target.Instrument!);
            _instruments[key] = reader;
        }

        return reader;
    }

    private static async Task<double?> ReadCustomAsync(MetricTarget target, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CustomTimeout);
        try
        {
            return await target.Read!(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
