using System.Collections.Immutable;
using Docker.DotNet.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orchestration.Events;
using Orchestration.Runtime.Swarm.Applying;
using Orchestration.Runtime.Swarm.Mapping;
using Orchestration.Runtime.Swarm.Observed;

namespace Orchestration.Runtime.Swarm;

/// <summary>The <see cref="IOrchestrator"/> of a fleet that runs as Swarm services. The swarm schedules, restarts,
/// updates and rolls back; this class maps the fleet onto it, gates creation on dependencies, and reads status,
/// endpoints and events back from the swarm's services, tasks and nodes.</summary>
internal sealed class SwarmOrchestrator : IOrchestrator, IAsyncDisposable
{
    private readonly SwarmObserver _observer;
    private readonly SwarmFleetApplier _applier;
    private readonly FleetConvergence _convergence;
    private readonly SwarmServices _services;
    private readonly FleetResources _resources;
    private readonly SwarmNodeOperations _nodes;
    private readonly RevisionBook _revisions;
    private readonly IEventHub _events;
    private readonly TimeProvider _time;
    private readonly SwarmRuntimeOptions _options;
    private readonly IServiceProvider _provider;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly IDisposable _rollbackWatch;
    private readonly ServiceLogs _logs;
    private PreparedFleet? _prepared;
    private FleetSpec? _desired;
    private bool _started;

    public SwarmOrchestrator(
        IOptions<OrchestrationOptions> orchestration,
        IOptions<SwarmRuntimeOptions> options,
        SwarmObserver observer,
        SwarmFleetApplier applier,
        FleetConvergence convergence,
        SwarmServices services,
        FleetResources resources,
        SwarmNodeOperations nodes,
        RevisionBook revisions,
        IEventHub events,
        TimeProvider time,
        IServiceProvider provider,
        ServiceLogs logs)
    {
        _logs = logs;
        FleetName = orchestration.Value.FleetName;
        _options = options.Value;
        _observer = observer;
        _applier = applier;
        _convergence = convergence;
        _services = services;
        _resources = resources;
        _nodes = nodes;
        _revisions = revisions;
        _events = events;
        _time = time;
        _provider = provider;
        // After Swarm rolls a service back by itself, the desired state follows it, as the in-process loop's does.
        _rollbackWatch = events.Events.Subscribe(new RollbackFollower(this));
    }

    public string FleetName { get; }

    public IObservable<OrchestrationEvent> Events => _events.Events;

    public FleetSpec? DesiredState => Volatile.Read(ref _desired);

    public async Task ApplyAsync(FleetSpec fleet, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        fleet.EnsureValid();
        var problems = SwarmSupport.Check(fleet, _options).ToList();
        if (!string.Equals(fleet.Name, FleetName, StringComparison.Ordinal))
        {
            problems.Insert(0, new ValidationProblem("name", fleet.Name, $"must be this orchestrator's fleet, '{FleetName}'"));
        }

        if (problems.Count > 0)
        {
            throw new SpecValidationException(problems);
        }

        var secrets = await ResolveSecretsAsync(fleet, cancellationToken).ConfigureAwait(false);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureStartedAsync(cancellationToken).ConfigureAwait(false);
            var prepared = await _applier.PrepareAsync(fleet, secrets, cancellationToken).ConfigureAwait(false);
            foreach (var workload in fleet.Workloads)
            {
                _revisions.Record(workload);
            }

            Volatile.Write(ref _desired, fleet);
            _prepared = prepared;
            _events.Publish(new FleetApplied
            {
                Time = _time.GetUtcNow(),
                Fleet = FleetName,
                Revisions = fleet.Workloads.ToImmutableSortedDictionary(w => w.Name, w => w.Revision, StringComparer.Ordinal),
            });
            await _convergence.RestartAsync(prepared, () => DesiredState).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task ScaleAsync(string workload, int replicas, CancellationToken cancellationToken = default)
    {
        if (replicas < 0)
        {
            // The same problem, at the same path, as an applied spec with that count.
            throw new SpecValidationException([new ValidationProblem($"workloads[\"{workload}\"].replicas", replicas.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be 0 or more")]);
        }

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var desired = DesiredState;
            var spec = desired?.Find(workload) ?? throw new ArgumentException($"No workload named '{workload}' in fleet '{FleetName}'.", nameof(workload));
            if (spec.Kind != WorkloadKind.Service)
            {
                throw new ArgumentException($"Workload '{workload}' is a {spec.Kind}; only services are scaled.", nameof(workload));
            }

            var scaled = spec with { Replicas = replicas };
            Volatile.Write(ref _desired, desired! with { Workloads = desired.Workloads.Replace(spec, scaled) });
            _revisions.Record(scaled);
            var service = await _services.InspectAsync(SwarmNames.Service(FleetName, workload), cancellationToken).ConfigureAwait(false);
            if (service is not null && _prepared is { } prepared)
            {
                await _services.CreateOrUpdateAsync(service, _applier.SpecOf(prepared with { Fleet = DesiredState! }, scaled), cancellationToken).ConfigureAwait(false);
            }

            _events.Publish(new WorkloadScaled { Time = _time.GetUtcNow(), Fleet = FleetName, Workload = workload, From = spec.Replicas, To = replicas });
            _observer.Wake();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public FleetStatus GetStatus() => SwarmStatusBuilder.Build(FleetName, DesiredState, _observer.Current);

    public IReadOnlyList<ServiceEndpoint> GetEndpoints(string workload, string? port = null)
        => SwarmStatusBuilder.Endpoints(_observer.Current, DesiredState, workload, port);

    public async Task<FleetStatus> WaitForAsync(Func<FleetStatus, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        while (true)
        {
            var changed = _observer.Changed;
            var status = GetStatus();
            if (condition(status))
            {
                return status;
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

    public async Task RollbackAsync(string workload, string? revision = null, CancellationToken cancellationToken = default)
    {
        var spec = DesiredState?.Find(workload) ?? throw new ArgumentException($"No workload named '{workload}' in fleet '{FleetName}'.", nameof(workload));
        var service = await _services.InspectAsync(SwarmNames.Service(FleetName, workload), cancellationToken).ConfigureAwait(false);
        var previous = service?.PreviousSpec?.Labels is { } l && l.TryGetValue(OrchestrationLabels.Revision, out var r) ? r : null;
        if (service is null || previous is null)
        {
            throw new ArgumentException($"Workload '{workload}' has no earlier revision on the swarm to roll back to.", nameof(workload));
        }

        if (revision is not null && revision != previous && revision != _revisions.Number(workload, previous).ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new ArgumentException($"Revision '{revision}' of workload '{workload}' cannot be restored: Docker Swarm keeps only the previous spec, revision {previous}.", nameof(revision));
        }

        await _services.UpdateAsync(service, service.Spec!, rollback: true, cancellationToken).ConfigureAwait(false);
        FollowRollback(workload, previous);
        _observer.Wake();
    }

    public Task PauseRolloutAsync(string workload, CancellationToken cancellationToken = default)
    {
        _ = DesiredState?.Find(workload) ?? throw new ArgumentException($"No workload named '{workload}' in fleet '{FleetName}'.", nameof(workload));
        throw new NotSupportedException("Docker Swarm cannot pause an update on request; it pauses one by itself when the update's failure action is Pause. See docs/swarm.md.");
    }

    public Task RestartReplicaAsync(string workload, string replicaId, CancellationToken cancellationToken = default)
    {
        _ = DesiredState?.Find(workload) ?? throw new ArgumentException($"No workload named '{workload}' in fleet '{FleetName}'.", nameof(workload));
        throw new NotSupportedException("Docker Swarm restarts a service's tasks only all together (a forced update), not one task on request. See docs/swarm.md.");
    }

    public void RecordOperation(string user, string operation, string target, OperationOutcome outcome, string? detail = null, string? workload = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        ArgumentNullException.ThrowIfNull(target);
        _events.Publish(new OperationRecorded
        {
            Time = _time.GetUtcNow(), Fleet = FleetName, Workload = workload, User = user, Operation = operation, Target = target, Outcome = outcome, Detail = detail,
        });
    }

    public async Task ResumeRolloutAsync(string workload, CancellationToken cancellationToken = default)
    {
        _ = DesiredState?.Find(workload) ?? throw new ArgumentException($"No workload named '{workload}' in fleet '{FleetName}'.", nameof(workload));
        var service = await _services.InspectAsync(SwarmNames.Service(FleetName, workload), cancellationToken).ConfigureAwait(false);
        if (service?.UpdateStatus?.State is "paused" or "rollback_paused")
        {
            // Sending the same spec again resumes a paused update.
            await _services.UpdateAsync(service, service.Spec!, rollback: false, cancellationToken).ConfigureAwait(false);
            _observer.Wake();
        }
    }

    public IReadOnlyList<WorkloadRevision> GetRevisionHistory(string workload)
    {
        var spec = DesiredState?.Find(workload) ?? throw new ArgumentException($"No workload named '{workload}' in fleet '{FleetName}'.", nameof(workload));
        var service = _observer.Current.Service(workload);
        return _revisions.History(workload, service is null ? spec.Revision : SwarmSnapshot.RevisionOf(service));
    }

    public IAsyncEnumerable<LogLine> FollowLogsAsync(string workload, int tail = 0, CancellationToken cancellationToken = default)
    {
        if (DesiredState?.Find(workload) is null)
        {
            throw new ArgumentException($"Workload '{workload}' is not part of fleet '{FleetName}'.", nameof(workload));
        }

        return _logs.FollowAsync(FleetName, workload, tail, cancellationToken);
    }

    public async Task DeleteFleetAsync(CancellationToken cancellationToken = default)
    {
        await _convergence.StopAsync().ConfigureAwait(false);
        await EnsureStartedAsync(cancellationToken).ConfigureAwait(false);
        var snapshot = await _observer.RefreshAsync(cancellationToken).ConfigureAwait(false);
        var containers = snapshot.Tasks.Count(t => t.Status?.State == TaskState.Running);
        foreach (var service in snapshot.Services)
        {
            await _services.RemoveAsync(service.ID, cancellationToken).ConfigureAwait(false);
        }

        // The network and the secrets can go once the services' tasks are gone.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        while (!await _resources.TryRemoveNetworkAsync(FleetName, linked.Token).ConfigureAwait(false))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), _time, linked.Token).ConfigureAwait(false);
        }

        await _resources.RemoveUnusedAsync(FleetName, new HashSet<string>(), linked.Token).ConfigureAwait(false);
        await _observer.RefreshAsync(cancellationToken).ConfigureAwait(false);
        _events.Publish(new FleetDeleted { Time = _time.GetUtcNow(), Fleet = FleetName, Containers = containers });
    }

    public Task CordonAsync(string node, CancellationToken cancellationToken = default)
        => _nodes.SetAvailabilityAsync(node, "pause", cancellationToken);

    public Task UncordonAsync(string node, CancellationToken cancellationToken = default)
        => _nodes.SetAvailabilityAsync(node, "active", cancellationToken);

    public async Task DrainAsync(string node, int maxUnavailable = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxUnavailable, 1);
        await _nodes.SetAvailabilityAsync(node, "drain", cancellationToken).ConfigureAwait(false);
        await _nodes.WaitEmptyAsync(node, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops following the swarm; the fleet keeps running on it.</summary>
    public async Task StopAsync()
    {
        await _convergence.StopAsync().ConfigureAwait(false);
        await _observer.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _rollbackWatch.Dispose();
        _writeGate.Dispose();
    }

    private async Task EnsureStartedAsync(CancellationToken cancellationToken)
    {
        if (!_started)
        {
            await _observer.StartAsync(FleetName, cancellationToken).ConfigureAwait(false);
            _started = true;
        }
    }

    private async Task<Dictionary<string, string>> ResolveSecretsAsync(FleetSpec fleet, CancellationToken cancellationToken)
    {
        var names = fleet.Workloads.SelectMany(w => w.Secrets).Select(s => s.SecretName).Distinct(StringComparer.Ordinal).ToList();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (names.Count == 0)
        {
            return values;
        }

        var resolver = _provider.GetService<ISecretResolver>()
            ?? throw new InvalidOperationException($"Fleet '{fleet.Name}' uses secrets ({string.Join(", ", names)}) but no ISecretResolver is registered.");
        foreach (var name in names)
        {
            values[name] = await resolver.ResolveAsync(name, cancellationToken).ConfigureAwait(false);
        }

        return values;
    }

    private void FollowRollback(string workload, string? revision)
    {
        var desired = DesiredState;
        var current = desired?.Find(workload);
        if (desired is null || current is null || current.Revision == revision || _revisions.Spec(workload, revision) is not { } restored)
        {
            return;
        }

        Volatile.Write(ref _desired, desired with { Workloads = desired.Workloads.Replace(current, restored with { Replicas = current.Replicas }) });
    }

    private static string Describe(FleetStatus status)
        => string.Join("; ", status.Workloads.Select(w => $"{w.Name}: {w.Phase}, ready {w.Ready}/{w.Desired}, updated {w.Updated}"));

    private sealed class RollbackFollower(SwarmOrchestrator owner) : IObserver<OrchestrationEvent>
    {
        public void OnNext(OrchestrationEvent value)
        {
            if (value is RolloutRolledBack rolledBack && rolledBack.Workload is { } workload)
            {
                owner.FollowRollback(workload, rolledBack.Revision);
            }
        }

        public void OnError(Exception error)
        {
        }

        public void OnCompleted()
        {
        }
    }
}
