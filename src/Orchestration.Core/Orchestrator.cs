using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Orchestration.Events;
using Orchestration.Observed;
using Orchestration.Reconciliation;
using Orchestration.Rollout;
using Orchestration.Rules;
using Orchestration.Runtime;
using Orchestration.Scheduling;
using Orchestration.Services;
using Orchestration.State;

namespace Orchestration;

/// <summary>The <see cref="IOrchestrator"/> of one fleet: validates and stores desired state, and exposes status,
/// endpoints and events.</summary>
internal sealed partial class Orchestrator : IOrchestrator
{
    private readonly DesiredStateStore _store;
    private readonly EventHub _events;
    private readonly TimeProvider _time;
    private readonly IEnumerable<IContainerRuntime> _runtimes;
    private readonly StatusBoard _status;
    private readonly ControlLoop _loop;
    private readonly ReplicaBook _books;
    private readonly SchedulingCache _scheduling;
    private readonly ObservedState _observed;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly RolloutStore _rollouts;
    private readonly Rollbacks _rollbacks;
    private readonly WakeRequests _wake;
    private readonly TimeSpan _nodeLostGracePeriod;
    private readonly Expectations _expectations;
    private readonly ServiceAddressRegistry? _addresses;
    private readonly SecurityProfile _fleetProfile;
    private readonly Secrets.FleetContentResolver? _contents;
    private readonly Orchestration.Autoscaling.AutoscalerStatusBoard? _autoscalers;
    private readonly Orchestration.Leadership.ILeadership? _leadership;

    public Orchestrator(
        IOptions<OrchestrationOptions> options,
        DesiredStateStore store,
        EventHub events,
        TimeProvider time,
        IEnumerable<IContainerRuntime> runtimes,
        StatusBoard status,
        ControlLoop loop,
        ReplicaBook books,
        SchedulingCache scheduling,
        ObservedState observed,
        RolloutStore rollouts,
        Rollbacks rollbacks,
        WakeRequests wake,
        Expectations expectations,
        ServiceAddressRegistry? addresses = null,
        Secrets.FleetContentResolver? contents = null,
        Orchestration.Autoscaling.AutoscalerStatusBoard? autoscalers = null,
        Orchestration.Leadership.ILeadership? leadership = null)
    {
        _leadership = leadership;
        _contents = contents;
        _autoscalers = autoscalers;
        _expectations = expectations;
        _addresses = addresses;
        _rollouts = rollouts;
        _rollbacks = rollbacks;
        _wake = wake;
        _scheduling = scheduling;
        _observed = observed;
        FleetName = options.Value.FleetName;
        _fleetProfile = options.Value.SecurityProfile;
        _nodeLostGracePeriod = options.Value.NodeLostGracePeriod;
        _store = store;
        _events = events;
        _time = time;
        _runtimes = runtimes;
        _status = status;
        _loop = loop;
        _books = books;
    }

    public string FleetName { get; }

    public IObservable<OrchestrationEvent> Events => _events.Events;

    public FleetSpec? DesiredState => _store.Current;

    public async Task ApplyAsync(FleetSpec fleet, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        if (_contents is not null && fleet.Validate().Count == 0)
        {
            // Every secret and file is resolved before anything changes; an invalid fleet is reported by Replace.
            fleet = await _contents.ResolveAsync(fleet, cancellationToken).ConfigureAwait(false);
        }

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Replace(_store.Current, fleet);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task ScaleAsync(string workload, int replicas, CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _store.Current;
            var spec = current?.Find(workload)
                ?? throw UnknownWorkload.Exception(workload, FleetName, current?.Workloads.Select(w => w.Name) ?? [], nameof(workload));
            if (spec.Kind is not (WorkloadKind.Service or WorkloadKind.StatefulSet))
            {
                throw new ArgumentException($"Workload '{workload}' is a {spec.Kind}; only services and stateful sets are scaled by replica count.", nameof(workload));
            }

            RefuseIfAutoscaled(spec);
            var next = current with { Workloads = current.Workloads.Replace(spec, spec with { Replicas = replicas }) };
            Replace(current, next);
            _events.Publish(new WorkloadScaled { Time = _time.GetUtcNow(), Fleet = FleetName, Workload = workload, From = spec.Replicas, To = replicas });
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private void Replace(FleetSpec? current, FleetSpec next)
    {
        next = FleetSecurityProfile.Apply(next, _fleetProfile);
        var problems = new List<ValidationProblem>();
        if (!string.Equals(next.Name, FleetName, StringComparison.Ordinal))
        {
            problems.Add(new("name", next.Name, $"does not match the orchestrator's fleet '{FleetName}'"));
        }

        problems.AddRange(next.Validate());
        foreach (var runtime in _runtimes)
        {
            foreach (var workload in next.Workloads)
            {
                runtime.Validate(workload, problems);
            }
        }

        if (problems.Count > 0)
        {
            throw new SpecValidationException(problems);
        }

        if (!_store.TryReplace(current, next))
        {
            throw new InvalidOperationException("The desired state changed while it was being replaced.");
        }

        foreach (var workload in next.Workloads)
        {
            _rollouts.Of(workload.Name).Record(workload);
        }

        _events.Publish(new FleetApplied
        {
            Time = _time.GetUtcNow(),
            Fleet = FleetName,
            Revisions = next.Workloads.ToDictionary(w => w.Name, w => w.Revision, StringComparer.Ordinal),
        });
    }
}
