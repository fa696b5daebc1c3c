using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Orchestration.Events;
using Orchestration.Observed;
using Orchestration.Reconciliation;
using Orchestration.Runtime;

namespace Orchestration.Health;

/// <summary>Keeps one <see cref="ReplicaProber"/> per probed container, holds what they concluded, publishes probe
/// events and wakes the workload when a replica's health changes (level-triggered: the reconcile reads
/// <see cref="Get"/>).</summary>
internal sealed class HealthMonitor : IDisposable
{
    private readonly ConcurrentDictionary<string, ReplicaProber> _probers = new(StringComparer.Ordinal);
    private readonly ProbeExecutor _executor;
    private readonly ObservedState _observed;
    private readonly EventHub _events;
    private readonly WakeRequests _wake;
    private readonly TimeProvider _time;
    private readonly string _fleet;

    public HealthMonitor(ObservedState observed, EventHub events, WakeRequests wake, TimeProvider time, IOptions<OrchestrationOptions> options, IEnumerable<IProbeTransport> transports)
    {
        _observed = observed;
        _events = events;
        _wake = wake;
        _time = time;
        _fleet = options.Value.FleetName;
        _executor = new ProbeExecutor(time, transports);
    }

    /// <summary>The health of a probed container; <see langword="null"/> when it has no probes.</summary>
    public ReplicaHealth? Get(ContainerRef container) => _probers.TryGetValue(container.Id, out var p) ? p.Health : null;

    /// <summary>Makes sure the container is probed with <paramref name="probes"/> (restarting its prober when the
    /// probes or ports changed); stops probing it when it has none.</summary>
    public void Ensure(ProbeTargetInfo target, ProbeSet probes)
    {
        var id = target.Container.Id;
        ReplicaHealth? carried = null;
        if (_probers.TryGetValue(id, out var existing))
        {
            if (existing.Probes == probes && existing.Target.Ports.Count == target.Ports.Count)
            {
                return;
            }

            carried = existing.Health with { Unhealthy = null };
            Stop(id);
        }

        if (probes.Startup is null && probes.Readiness is null && probes.Liveness is null)
        {
            return;
        }

        var prober = new ReplicaProber(target, probes, _executor, _time, OnVerdict, carried);
        if (_probers.TryAdd(id, prober))
        {
            prober.Start();
        }
        else
        {
            prober.Dispose();
        }
    }

    /// <summary>Stops the probers of <paramref name="workload"/>'s containers not in <paramref name="keep"/>.</summary>
    public void Retain(string workload, IReadOnlySet<string> keep)
    {
        if (_probers.IsEmpty)
        {
            return;
        }

        foreach (var (id, prober) in _probers)
        {
            if (prober.Target.Workload == workload && !keep.Contains(id))
            {
                Stop(id);
            }
        }
    }

    public void StopAll()
    {
        foreach (var id in _probers.Keys)
        {
            Stop(id);
        }
    }

    public void Dispose()
    {
        StopAll();
        _executor.Dispose();
    }

    private void Stop(string containerId)
    {
        if (_probers.TryRemove(containerId, out var prober))
        {
            prober.Dispose();
        }
    }

    private void OnVerdict(ReplicaProber prober, ProbeVerdict verdict)
    {
        var target = prober.Target;
        if (!_probers.TryGetValue(target.Container.Id, out var current) || !ReferenceEquals(current, prober))
        {
            return;
        }

        if (!verdict.Passed && !IsRunning(target))
        {
            // The container ended: the reconcile reports its exit code and logs, not this probe's failure.
            _wake.Wake(target.Workload);
            return;
        }

        var now = _time.GetUtcNow();
        if (verdict.Passed)
        {
            if (verdict.Probe == ProbeTarget.Liveness)
            {
                return;
            }

            _events.Publish(new ProbePassed { Time = now, Fleet = _fleet, Workload = target.Workload, ReplicaId = target.ReplicaId, Probe = verdict.Probe });
        }
        else
        {
            _events.Publish(new ProbeFailed
            {
                Time = now, Fleet = _fleet, Workload = target.Workload, ReplicaId = target.ReplicaId, Probe = verdict.Probe, Reason = verdict.Failure ?? "failed", Failures = verdict.Failures,
            });
        }

        _wake.Wake(target.Workload);
    }

    private bool IsRunning(ProbeTargetInfo target)
        => _observed.ContainersOf(target.Workload).Any(c => c.Ref.Id == target.Container.Id && c.State == ContainerState.Running);
}
