using System.Collections.Immutable;
using Orchestration.Runtime;
using Orchestration.Scheduling;

namespace Orchestration.Reconciliation;

/// <summary>What the controller remembers of one replica: its placement, its current container and its restart
/// history. Only the reconcile of its workload touches it.</summary>
internal sealed class ReplicaRecord
{
    public required string Id { get; init; }

    public required string Revision { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The node a daemon set replica belongs to, or the node that holds a stateful replica's volumes.</summary>
    public string? PinnedNode { get; set; }

    /// <summary>A stateful replica's ordinal (its identity: <c>name-0</c>, <c>name-1</c>, …); <see langword="null"/>
    /// for other kinds.</summary>
    public int? Ordinal { get; init; }

    /// <summary>The cron job run it belongs to; <see langword="null"/> for other kinds.</summary>
    public string? RunId { get; init; }

    public ReplicaPhase Phase { get; set; } = ReplicaPhase.Pending;

    public Reservation? Reservation { get; set; }

    /// <summary>The node of the adopted container when nothing could be reserved for it.</summary>
    public string? AdoptedNode { get; set; }

    public string? Node => Reservation?.Node ?? AdoptedNode;

    public ContainerRef? Container { get; set; }

    public int Restarts { get; set; }

    /// <summary>How many containers were started for it (adopted: the adopted container's attempt); the next
    /// container's name ends with this number plus one.</summary>
    public int Attempt { get; set; }

    /// <summary>Failed tries to get its image onto its node in a row; the exponent of the retry delay.</summary>
    public int ImageRetries { get; set; }

    /// <summary>Failures since the last stable run; the backoff exponent.</summary>
    public int FailureStreak { get; set; }

    public int? LastExitCode { get; set; }

    public string? Reason { get; set; }

    /// <summary>Why its last try to run failed in a way waiting cannot fix (<see cref="PermanentFailures"/>); cleared
    /// when a container of it starts.</summary>
    public string? Stalled { get; set; }

    /// <summary>Start failures in a row that <see cref="PermanentFailures"/> calls permanent.</summary>
    public int PermanentStartFailures { get; set; }

    /// <summary>Why its last container ended; kept when it runs again.</summary>
    public string? LastExitReason { get; set; }

    public DateTimeOffset? BackoffUntil { get; set; }

    public DateTimeOffset? RunningSince { get; set; }

    public ImmutableDictionary<string, HostEndpoint> Ports { get; set; } = ImmutableDictionary<string, HostEndpoint>.Empty;

    /// <summary>Whether the replica still needs or holds a container (not finished for good).</summary>
    public bool IsLive => Phase is not (ReplicaPhase.Succeeded or ReplicaPhase.Failed);

    /// <summary>Whether its node has stopped answering (within the grace period): not ready, not in endpoints.</summary>
    public bool Unreachable { get; set; }

    /// <summary>What its probes concluded; <see langword="null"/> when the workload has none.</summary>
    public Health.ReplicaHealth? Health { get; set; }

    /// <summary>Since when it has been ready without a break.</summary>
    public DateTimeOffset? ReadySince { get; set; }

    /// <summary>When a retired replica (out of the endpoints already) is stopped.</summary>
    public DateTimeOffset? DrainUntil { get; set; }

    public string? RetireReason { get; set; }

    /// <summary>Whether it was retired (scale down, old revision) and only waits to be stopped.</summary>
    public bool IsLeaving => DrainUntil is not null;

    public bool IsReady => Phase == ReplicaPhase.Running && !Unreachable && !IsLeaving && (Health is null || Health.Ready);

    /// <summary>Ready for at least <paramref name="minReadyTime"/>.</summary>
    public bool IsAvailable(DateTimeOffset now, TimeSpan minReadyTime) => IsReady && ReadySince is { } since && now - since >= minReadyTime;

    public ReplicaStatus ToStatus(string workload) => new()
    {
        Id = Id,
        Ordinal = Ordinal,
        Hostname = Ordinal is { } ordinal ? StatefulIdentity.Hostname(workload, ordinal) : null,
        Workload = workload,
        Revision = Revision,
        Node = Node,
        ContainerId = Container?.Id,
        Ready = IsReady,
        Restarts = Restarts,
        LastExitCode = LastExitCode,
        LastExitReason = LastExitReason,
        Phase = IsLeaving ? ReplicaPhase.Terminating : Phase,
        Reason = Unreachable ? "its node does not answer" : IsLeaving ? RetireReason : Phase == ReplicaPhase.Running && Health?.LastFailure is { } failure ? failure : Reason,
        Ports = IsReady ? Ports : ImmutableDictionary<string, HostEndpoint>.Empty,
    };
}
