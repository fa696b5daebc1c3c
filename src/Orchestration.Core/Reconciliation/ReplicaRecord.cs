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

    /// <summary>The node a daemon set replica belongs to.</summary>
    public string? PinnedNode { get; init; }

    public ReplicaPhase Phase { get; set; } = ReplicaPhase.Pending;

    public Reservation? Reservation { get; set; }

    /// <summary>The node of the adopted container when nothing could be reserved for it.</summary>
    public string? AdoptedNode { get; set; }

    public string? Node => Reservation?.Node ?? AdoptedNode;

    public ContainerRef? Container { get; set; }

    public int Restarts { get; set; }

    /// <summary>Failures since the last stable run; the backoff exponent.</summary>
    public int FailureStreak { get; set; }

    public int? LastExitCode { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset? BackoffUntil { get; set; }

    public DateTimeOffset? RunningSince { get; set; }

    public ImmutableDictionary<string, HostEndpoint> Ports { get; set; } = ImmutableDictionary<string, HostEndpoint>.Empty;

    /// <summary>Whether the replica still needs or holds a container (not finished for good).</summary>
    public bool IsLive => Phase is not (ReplicaPhase.Succeeded or ReplicaPhase.Failed);

    /// <summary>Whether its node has stopped answering (within the grace period): not ready, not in endpoints.</summary>
    public bool Unreachable { get; set; }

    public bool IsReady => Phase == ReplicaPhase.Running && !Unreachable;

    public ReplicaStatus ToStatus(string workload) => new()
    {
        Id = Id,
        Workload = workload,
        Revision = Revision,
        Phase = Phase,
        Node = Node,
        ContainerId = Container?.Id,
        Ready = IsReady,
        Restarts = Restarts,
        LastExitCode = LastExitCode,
        Reason = Unreachable ? "its node does not answer" : Reason,
        Ports = IsReady ? Ports : ImmutableDictionary<string, HostEndpoint>.Empty,
    };
}
