using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Orchestration.Health;
using Orchestration.Observed;
using Orchestration.Reconciliation;
using Orchestration.Rollout;
using Orchestration.Runtime;
using Orchestration.State;

namespace Orchestration.Leadership;

/// <summary>What an instance that does not lead serves instead of reconciling: each workload's status built from its
/// own watch of the engines (the containers the leader runs, by their labels) and its own readiness probes, so
/// <see cref="IOrchestrator.GetStatus"/>, <see cref="IOrchestrator.GetEndpoints"/> and service discovery answer on
/// every instance. It never acts on an engine: it reads the observed state, probes published ports (readiness and
/// startup only; liveness is the leader's, since only the leader restarts) and writes the status board.</summary>
internal sealed class FollowerView
{
    private readonly DesiredStateStore _desired;
    private readonly ObservedState _observed;
    private readonly StatusBoard _status;
    private readonly HealthMonitor _health;
    private readonly RolloutStore _rollouts;
    private readonly TimeProvider _time;

    /// <summary>Per workload, since when each ready container has been ready (for the available count).</summary>
    private readonly ConcurrentDictionary<string, Dictionary<string, DateTimeOffset>> _readySince = new(StringComparer.Ordinal);

    public FollowerView(DesiredStateStore desired, ObservedState observed, StatusBoard status, HealthMonitor health, RolloutStore rollouts, TimeProvider time)
    {
        _desired = desired;
        _observed = observed;
        _status = status;
        _health = health;
        _rollouts = rollouts;
        _time = time;
    }

    /// <summary>Publishes the status of workload <paramref name="key"/> as observed (node keys are the leader's).</summary>
    public void Publish(string key)
    {
        if (NodeKeys.TryParse(key, out _))
        {
            return;
        }

        if (_desired.Current?.Find(key) is not { } spec)
        {
            _status.Remove(key);
            _health.Retain(key, new HashSet<string>());
            _readySince.TryRemove(key, out _);
            return;
        }

        var now = _time.GetUtcNow();
        var probed = new HashSet<string>(StringComparer.Ordinal);
        var previous = _readySince.GetValueOrDefault(key);
        var readySince = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var replicas = new List<ReplicaStatus>();
        foreach (var containers in _observed.ContainersOf(key).GroupBy(c => c.Label(OrchestrationLabels.Replica) ?? c.Ref.Id, StringComparer.Ordinal))
        {
            var container = CurrentOf(containers);
            var replica = StatusOf(key, spec, containers.Key, container, probed);
            if (replica.Ready)
            {
                readySince[container.Ref.Id] = previous?.GetValueOrDefault(container.Ref.Id) is { } since && since != default ? since : now;
            }

            replicas.Add(replica);
        }

        _health.Retain(key, probed);
        _readySince[key] = readySince;
        replicas.Sort(StatusOrder);
        _status.Set(Summarize(spec, replicas, readySince, now), 0);
    }

    /// <summary>Stateful replicas by ordinal, the others by id.</summary>
    private static int StatusOrder(ReplicaStatus a, ReplicaStatus b)
    {
        var c = (a.Ordinal ?? 0).CompareTo(b.Ordinal ?? 0);
        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    }

    /// <summary>The replica's current container: its running one with the highest attempt, else its latest.</summary>
    private static ContainerInfo CurrentOf(IEnumerable<ContainerInfo> containers)
        => containers
            .OrderByDescending(c => c.State == ContainerState.Running)
            .ThenByDescending(c => int.TryParse(c.Label(OrchestrationLabels.Attempt), NumberStyles.None, CultureInfo.InvariantCulture, out var attempt) ? attempt : 0)
            .ThenByDescending(c => c.StartedAt)
            .First();

    private ReplicaStatus StatusOf(string workload, WorkloadSpec spec, string id, ContainerInfo container, HashSet<string> probed)
    {
        var revision = container.Label(OrchestrationLabels.Revision) ?? spec.Revision;
        var node = _observed.Node(container.Ref.Node);
        var phase = container.State switch
        {
            ContainerState.Running => ReplicaPhase.Running,
            ContainerState.Created => ReplicaPhase.Starting,
            _ when spec.Kind is WorkloadKind.Job or WorkloadKind.CronJob => container.ExitCode == 0 ? ReplicaPhase.Succeeded : ReplicaPhase.Failed,
            _ => ReplicaPhase.BackOff,
        };
        ReplicaHealth? health = null;
        if (phase == ReplicaPhase.Running && node is not null)
        {
            // Readiness as the leader decides it: from probes of the replica's own revision, run by this instance.
            var probes = (revision == spec.Revision ? spec.Probes : _rollouts.Of(workload).Find(revision)?.Spec.Probes ?? ProbeSet.None) with { Liveness = null };
            if (probes.Startup is not null || probes.Readiness is not null)
            {
                probed.Add(container.Ref.Id);
                _health.Ensure(new ProbeTargetInfo(workload, id, container.Ref, node.Runtime, container.PublishedPorts), probes);
                health = _health.Get(container.Ref) ?? ReplicaHealth.Initial(probes);
            }
        }

        var ready = phase == ReplicaPhase.Running && node?.Info.State == NodeState.Ready && (health is null || health.Ready);
        var ordinal = spec.Kind == WorkloadKind.StatefulSet && StatefulIdentity.TryParseOrdinal(id, out var o) ? o : (int?)null;
        return new ReplicaStatus
        {
            Id = id,
            Ordinal = ordinal,
            Hostname = ordinal is { } n ? StatefulIdentity.Hostname(workload, n) : null,
            Workload = workload,
            Revision = revision,
            Phase = phase,
            Node = container.Ref.Node,
            ContainerId = container.Ref.Id,
            Ready = ready,
            LastExitCode = container.State is ContainerState.Exited or ContainerState.Dead ? container.ExitCode : null,
            Reason = node?.Info.State is not NodeState.Ready ? "its node does not answer"
                : phase == ReplicaPhase.Running ? health?.LastFailure
                : container.State is ContainerState.Exited or ContainerState.Dead ? $"exited with code {container.ExitCode}"
                : null,
            Ports = ready ? container.PublishedPorts : ImmutableDictionary<string, HostEndpoint>.Empty,
        };
    }

    private WorkloadStatus Summarize(WorkloadSpec spec, List<ReplicaStatus> replicas, Dictionary<string, DateTimeOffset> readySince, DateTimeOffset now)
    {
        var live = replicas.Where(r => r.Phase is not (ReplicaPhase.Succeeded or ReplicaPhase.Failed)).ToList();
        var ready = live.Count(r => r.Ready);
        var updated = live.Count(r => r.Revision == spec.Revision);
        var succeeded = replicas.Count(r => r.Phase == ReplicaPhase.Succeeded);
        var desired = WorkloadPhaseRule.Desired(spec, live.Count);
        // A follower keeps no job book: a job it sees with enough successes is complete.
        WorkloadPhase? finished = spec.Kind == WorkloadKind.Job && succeeded >= desired ? WorkloadPhase.Completed : null;
        var paused = _rollouts.Of(spec.Name).PausedReason is not null;
        var phase = WorkloadPhaseRule.Of(spec, finished, paused, desired, replicas.Count, live.Count, ready, updated);
        return new WorkloadStatus
        {
            Name = spec.Name,
            Kind = spec.Kind,
            Phase = phase,
            Revision = spec.Revision,
            Desired = desired,
            Ready = ready,
            Available = live.Count(r => r.Ready && r.ContainerId is { } id && readySince.TryGetValue(id, out var since) && now - since >= spec.Update.MinReadyTime),
            Updated = updated,
            Succeeded = succeeded,
            Failed = replicas.Count(r => r.Phase == ReplicaPhase.Failed),
            Replicas = [.. replicas],
        };
    }
}
