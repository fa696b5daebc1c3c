using System.Collections.Immutable;
using Orchestration.Events;
using Orchestration.Reconciliation;
using Orchestration.Scheduling;

namespace Orchestration;

/// <summary>Status, endpoints, waiting for a condition and deleting the fleet.</summary>
internal sealed partial class Orchestrator
{
    public FleetStatus GetStatus() => Status(throwOnUnknownWorkload: false);

    /// <summary>The fleet's status; a <c>WaitForAsync</c> condition reads it with unknown names throwing.</summary>
    private FleetStatus Status(bool throwOnUnknownWorkload)
    {
        var desired = _store.Current;
        var workloads = desired is null
            ? []
            : desired.Workloads.Select(w => WorkloadStatusPublisher.Project(w, _status.Get(w.Name))).ToImmutableArray();
        return new FleetStatus(FleetName, workloads) { Nodes = NodeStatuses(), ServiceAddresses = _addresses?.Snapshot() ?? [], Autoscalers = _autoscalers?.Rows() ?? [], Leadership = _leadership?.Status, ThrowOnUnknownWorkload = throwOnUnknownWorkload };
    }

    public IReadOnlyList<ServiceEndpoint> GetEndpoints(string workload, string? port = null)
    {
        RequireWorkload(workload);
        var status = _status.Get(workload);
        if (status is null)
        {
            return [];
        }

        return [.. status.Replicas
            .Where(r => r.Ready)
            .SelectMany(r => r.Ports.Where(p => port is null || p.Key == port).OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new ServiceEndpoint(workload, p.Key, r.Id, p.Value)))];
    }

    public async Task<FleetStatus> WaitForAsync(Func<FleetStatus, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        while (true)
        {
            var changed = _status.Changed.Next;
            var status = Status(throwOnUnknownWorkload: _store.Current is not null);
            if (condition(status))
            {
                return status;
            }

            if (status.Workloads.FirstOrDefault(w => w.StalledReason is not null) is { } stalled)
            {
                throw new WorkloadStalledException(stalled.Name, stalled.StalledReason!, status);
            }

            try
            {
                await changed.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The condition did not hold within {timeout}. Last status: {Describe(GetStatus())}");
            }
        }
    }

    public async Task DeleteFleetAsync(CancellationToken cancellationToken = default)
    {
        // Fenced like every other act: an instance that does not lead deletes nothing, and a leader that loses its
        // lease midway stops at the next container.
        EnsureLeader();
        await _loop.StopAsync().ConfigureAwait(false);
        var removed = 0;
        foreach (var runtime in _runtimes)
        {
            var containers = await runtime.ListContainersAsync(FleetName, cancellationToken).ConfigureAwait(false);
            foreach (var container in containers)
            {
                EnsureLeader();
                await runtime.RemoveAsync(container.Ref, cancellationToken).ConfigureAwait(false);
                removed++;
            }

            EnsureLeader();
            await runtime.DeleteFleetAsync(FleetName, cancellationToken).ConfigureAwait(false);
        }

        _books.Clear();
        _expectations.Clear();
        _scheduling.Clear();
        _observed.Clear();
        _status.Clear();
        _events.Publish(new FleetDeleted { Time = _time.GetUtcNow(), Fleet = FleetName, Containers = removed });
    }

    /// <summary>Whether this instance may act on the engines (always, without leader election).</summary>
    internal bool IsLeader => _leadership?.IsLeader ?? true;

    private void EnsureLeader()
    {
        if (!IsLeader)
        {
            throw new Orchestration.Leadership.NotLeaderException(FleetName);
        }
    }

    /// <summary>Throws, naming the fleet's workloads, when <paramref name="workload"/> is not one of them.</summary>
    private WorkloadSpec RequireWorkload(string workload, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(workload))] string parameter = "")
        => _store.Current?.Find(workload)
           ?? throw UnknownWorkload.Exception(workload, FleetName, _store.Current?.Workloads.Select(w => w.Name) ?? [], parameter);

    private static string Describe(FleetStatus status)
        => string.Join("; ", status.Workloads.Select(w => $"{w.Name} {w.Phase} desired {w.Desired} ready {w.Ready} ({string.Join(", ", w.Replicas.GroupBy(r => r.Phase).Select(g => $"{g.Count()} {g.Key}"))})"));
}
