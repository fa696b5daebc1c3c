using Microsoft.Extensions.Options;
using Orchestration.Events;
using Orchestration.Health;
using Orchestration.Rollout;
using Orchestration.Runtime;

namespace Orchestration.Reconciliation;

/// <summary>Acting on probe results: readiness decides Ready (and so the endpoints); failed liveness or startup
/// restarts the replica through the usual exit path, so it counts in the restart backoff. Also starts and stops the
/// probers of a workload's running replicas.</summary>
internal sealed class ReplicaHealthTracker
{
    private readonly HealthMonitor _health;
    private readonly RolloutStore _rollouts;
    private readonly ContainerControl _containers;
    private readonly ReplicaExits _exits;
    private readonly EventHub _events;
    private readonly string _fleet;

    public ReplicaHealthTracker(HealthMonitor health, RolloutStore rollouts, ContainerControl containers, ReplicaExits exits, EventHub events, IOptions<OrchestrationOptions> options)
    {
        _health = health;
        _rollouts = rollouts;
        _containers = containers;
        _exits = exits;
        _events = events;
        _fleet = options.Value.FleetName;
    }

    /// <summary>Reads the replica's probe results; restarts it when it is unhealthy.</summary>
    public async Task CheckAsync(ReconcileContext ctx, WorkloadSpec spec, ReplicaRecord record, CancellationToken cancellationToken)
    {
        if (record.Phase != ReplicaPhase.Running || record.Container is not { } container)
        {
            return;
        }

        record.Health = _health.Get(container) ?? Unprobed(ProbesOf(ctx, spec, record));
        if (record.Health?.Unhealthy is { } why)
        {
            _events.Publish(new ReplicaUnhealthy { Time = ctx.Now, Fleet = _fleet, Workload = ctx.Workload, ReplicaId = record.Id, Reason = why });

            // Still running: removed before its replacement starts, which may need the same host ports.
            await _containers.StopAndRemoveAsync(ctx.Workload, container, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            record.Container = null;
            _exits.OnExit(ctx, spec, record, null, why);
            record.Health = null;
            return;
        }

        TrackReadiness(ctx, record);
    }

    /// <summary>Starts probers for running replicas (probers of the workload's other containers stop).</summary>
    public void Watch(ReconcileContext ctx, WorkloadSpec spec)
    {
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in ctx.Book.Replicas.Values)
        {
            if (record.Phase != ReplicaPhase.Running || record.IsLeaving || record.Container is not { } container || _containers.RuntimeOf(container.Node) is not { } runtime)
            {
                continue;
            }

            var probes = ProbesOf(ctx, spec, record);
            if (probes.Startup is null && probes.Readiness is null && probes.Liveness is null)
            {
                // Nothing to probe (a prober left from other probes stops below, as it is not kept): no allocation and
                // no lookup per replica, as this runs over every replica after every reconcile.
                record.Health = null;
                TrackReadiness(ctx, record);
                continue;
            }

            keep.Add(container.Id);
            _health.Ensure(new ProbeTargetInfo(ctx.Workload, record.Id, container, runtime, record.Ports), probes);
            record.Health = _health.Get(container) ?? Unprobed(probes);
            TrackReadiness(ctx, record);
        }

        _health.Retain(ctx.Workload, keep);
    }

    /// <summary>"; last log lines: …" for an exit reason, or nothing when the logs cannot be read within
    /// <paramref name="timeout"/>.</summary>
    public async Task<string> LastLogLinesAsync(ContainerRef container, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_containers.RuntimeOf(container.Node) is not { } runtime)
        {
            return string.Empty;
        }

        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            var lines = await runtime.GetLogsAsync(container, 5, deadline.Token).ConfigureAwait(false);
            var text = string.Join(" | ", lines.Select(l => l.Trim()).Where(l => l.Length > 0));
            return text.Length == 0 ? string.Empty : $"; last log lines: {(text.Length > 500 ? text[^500..] : text)}";
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return string.Empty;
        }
    }

    private static void TrackReadiness(ReconcileContext ctx, ReplicaRecord record)
    {
        if (!record.IsReady)
        {
            record.ReadySince = null;
        }
        else
        {
            record.ReadySince ??= ctx.Now;
        }
    }

    /// <summary>The probes of the replica's own revision. A revision this orchestrator never ran (a container adopted
    /// after a restart) has unknown probes: it counts as ready while it runs, as it served before the restart.</summary>
    private ProbeSet ProbesOf(ReconcileContext ctx, WorkloadSpec spec, ReplicaRecord record)
        => record.Revision == spec.Revision
            ? spec.Probes
            : _rollouts.Of(ctx.Workload).Find(record.Revision)?.Spec.Probes ?? ProbeSet.None;

    /// <summary>Before its prober reported anything: not ready when a startup or readiness probe gates it.</summary>
    private static ReplicaHealth? Unprobed(ProbeSet probes)
        => probes.Startup is null && probes.Readiness is null ? null : ReplicaHealth.Initial(probes);
}
