namespace Orchestration;

/// <summary>Who leads the fleet, as this instance sees it, when several host instances elect a leader: only the
/// leader changes containers; the others keep their own watch of the engines and serve status, endpoints, events and
/// service discovery read-only.</summary>
public sealed class LeadershipStatus : Snapshot
{
    /// <summary>This instance's identity.</summary>
    public required string Identity { get; init; }

    /// <summary>Whether this instance leads now (and so acts on the engines).</summary>
    public required bool IsLeader { get; init; }

    /// <summary>The leading instance's identity, or <see langword="null"/> while no leader is known.</summary>
    public string? Leader { get; init; }

    /// <summary>The leader's term (grows with every new leader); 0 while no leader is known.</summary>
    public long Term { get; init; }

    /// <summary>When the leader took the lease, or <see langword="null"/> while no leader is known.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Why leadership last changed as this instance saw it ("lease acquired", "another instance leads",
    /// "lease not renewed within the renew deadline …"), or <see langword="null"/> before the first change.</summary>
    public string? Reason { get; init; }

    /// <summary>When this instance saw that change.</summary>
    public DateTimeOffset? ChangedAt { get; init; }
}
