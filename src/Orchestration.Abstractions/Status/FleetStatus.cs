using System.Collections.Immutable;
using System.ComponentModel;
using Orchestration.Runtime;

namespace Orchestration;

/// <summary>A snapshot of a fleet: each workload's counts and replicas, and the nodes they run on.</summary>
/// <param name="name">The fleet's name.</param>
/// <param name="workloads">Per workload, in declaration order.</param>
public sealed class FleetStatus(string name, ImmutableArray<WorkloadStatus> workloads) : Snapshot
{
    /// <summary>The fleet's name.</summary>
    public string Name { get; private init; } = name;

    /// <summary>Per workload, in declaration order.</summary>
    public ImmutableArray<WorkloadStatus> Workloads { get; private init; } = workloads;

    /// <summary>Every node the fleet's runtimes report, by name.</summary>
    public ImmutableArray<NodeStatus> Nodes { get; init; } = [];

    /// <summary>The stable service addresses listening on this machine (see <c>IServiceAddresses</c>).</summary>
    public ImmutableArray<ServiceAddress> ServiceAddresses { get; init; } = [];

    /// <summary>One row per autoscaled service: bounds, last decision and why.</summary>
    public ImmutableArray<AutoscalerStatus> Autoscalers { get; init; } = [];

    /// <summary>Who leads the fleet and since when, when host instances elect a leader; <see langword="null"/> for
    /// an orchestrator without leader election (it always acts).</summary>
    public LeadershipStatus? Leadership { get; init; }

    /// <summary>The status of the named workload, or <see langword="null"/> when the fleet has none of that name. In
    /// the status given to a <c>WaitForAsync</c> condition an unknown name throws instead (naming the workloads that
    /// exist), so that a misspelt condition fails at once rather than at the timeout.</summary>
    /// <exception cref="KeyNotFoundException">Inside a <c>WaitForAsync</c> condition: no workload has that name.</exception>
    public WorkloadStatus? this[string workload]
        => Workloads.FirstOrDefault(w => w.Name == workload)
           ?? (ThrowOnUnknownWorkload ? throw new KeyNotFoundException(UnknownWorkload.Message(workload, Name, Workloads.Select(w => w.Name))) : null);

    /// <summary>Whether <see cref="this[string]"/> throws for an unknown name instead of returning
    /// <see langword="null"/>. The status a <c>WaitForAsync</c> condition reads has it set, once the fleet is applied.
    /// Not part of the status's value: it is left out of equality and <see cref="object.ToString"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool ThrowOnUnknownWorkload { get; init; }

    /// <summary>One row per workload, as <c>kubectl get deployments,statefulsets,…</c> prints them: name, kind,
    /// ready/desired, up to date, available, phase, revision, and per kind a detail (a job's counts, a cron job's
    /// active runs and schedule).</summary>
    public string ToWorkloadTable() => StatusTables.Workloads(this);

    /// <summary>One row per replica, as <c>kubectl get pods -o wide</c> prints them: workload, replica (a stateful
    /// replica's own name), node, phase, ready, restarts, ports and reason.</summary>
    public string ToReplicaTable() => StatusTables.Replicas(this);
}

/// <summary>Where a workload stands.</summary>
public enum WorkloadPhase
{
    /// <summary>Waiting for its dependencies.</summary>
    Waiting,

    /// <summary>Moving towards its desired state.</summary>
    Progressing,

    /// <summary>Every desired replica is ready (services, daemon sets).</summary>
    Available,

    /// <summary>A rollout is paused.</summary>
    Paused,

    /// <summary>A job reached its completions.</summary>
    Completed,

    /// <summary>A job exceeded its backoff limit.</summary>
    Failed,
}

/// <summary>A workload's counts and replicas.</summary>
public sealed class WorkloadStatus : Snapshot
{
    /// <summary>Workload name.</summary>
    public required string Name { get; init; }

    /// <summary>Kind.</summary>
    public required WorkloadKind Kind { get; init; }

    /// <summary>Phase.</summary>
    public required WorkloadPhase Phase { get; init; }

    /// <summary>The revision being run or rolled out.</summary>
    public required string Revision { get; init; }

    /// <summary>Desired replicas.</summary>
    public required int Desired { get; init; }

    /// <summary>Replicas that pass readiness.</summary>
    public required int Ready { get; init; }

    /// <summary>Ready replicas that stayed ready for the minimum ready time.</summary>
    public required int Available { get; init; }

    /// <summary>Replicas of the current revision.</summary>
    public required int Updated { get; init; }

    /// <summary>Successful completions, for jobs.</summary>
    public int Succeeded { get; init; }

    /// <summary>Failed runs, for jobs.</summary>
    public int Failed { get; init; }

    /// <summary>Its replicas (for a cron job, those of its active runs).</summary>
    public ImmutableArray<ReplicaStatus> Replicas { get; init; } = [];

    /// <summary>Schedule and runs of a cron job; <see langword="null"/> for other kinds.</summary>
    public CronJobStatus? CronJob { get; init; }

    /// <summary>Why the workload cannot make progress until something outside changes, reported at once: its image
    /// is on no node under pull policy Never, its pull was refused (not found, unauthorized), the engine refuses its
    /// image reference, or a fixed host port is taken (from the second start that fails on it in a row). Its replicas keep being retried; waiting for the fleet
    /// (<c>WaitForAsync</c>) fails at once with this reason. <see langword="null"/> when there is none.</summary>
    public string? StalledReason { get; init; }
}

/// <summary>Where a replica stands.</summary>
public enum ReplicaPhase
{
    /// <summary>Not yet placed, or waiting for its image or a node.</summary>
    Pending,

    /// <summary>Its container is being created and started.</summary>
    Starting,

    /// <summary>Its container runs.</summary>
    Running,

    /// <summary>Its container exited and waits for a restart.</summary>
    BackOff,

    /// <summary>A job replica that exited with code 0.</summary>
    Succeeded,

    /// <summary>A replica that exited and will not be restarted.</summary>
    Failed,

    /// <summary>Being stopped and removed.</summary>
    Terminating,
}

/// <summary>One replica's state.</summary>
public sealed class ReplicaStatus : Snapshot
{
    /// <summary>Stable replica id (a stateful replica's ordinal, such as "0").</summary>
    public required string Id { get; init; }

    /// <summary>A stateful replica's ordinal; <see langword="null"/> for other kinds.</summary>
    public int? Ordinal { get; init; }

    /// <summary>A stateful replica's own DNS name on the fleet network, such as <c>db-0</c>.</summary>
    public string? Hostname { get; init; }

    /// <summary>Workload name.</summary>
    public required string Workload { get; init; }

    /// <summary>Revision it runs.</summary>
    public required string Revision { get; init; }

    /// <summary>Phase.</summary>
    public required ReplicaPhase Phase { get; init; }

    /// <summary>Node it is placed on, once placed.</summary>
    public string? Node { get; init; }

    /// <summary>Its current container, once started.</summary>
    public string? ContainerId { get; init; }

    /// <summary>Whether it passes readiness.</summary>
    public bool Ready { get; init; }

    /// <summary>Times its container was restarted.</summary>
    public int Restarts { get; init; }

    /// <summary>Exit code of its last container run.</summary>
    public int? LastExitCode { get; init; }

    /// <summary>Why its last container ended (exit code or memory kill, with its last log lines when they could be
    /// read), kept after the replica runs again, like Kubernetes' <c>lastState.terminated</c>.</summary>
    public string? LastExitReason { get; init; }

    /// <summary>Why it is in its phase (pending reason, exit reason, last probe failure).</summary>
    public string? Reason { get; init; }

    /// <summary>Published ports by name.</summary>
    public ImmutableDictionary<string, HostEndpoint> Ports { get; init; } = ImmutableDictionary<string, HostEndpoint>.Empty;
}
