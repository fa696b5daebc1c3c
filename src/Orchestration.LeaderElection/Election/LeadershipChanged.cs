using Orchestration.Events;

namespace Orchestration.LeaderElection;

/// <summary>This instance took, lost or handed over the leadership of its fleet, or saw another instance take it.</summary>
public sealed class LeadershipChanged : OrchestrationEvent
{
    /// <summary>The instance that publishes the event.</summary>
    public required string Identity { get; init; }

    /// <summary>Whether this instance leads after the change.</summary>
    public required bool IsLeader { get; init; }

    /// <summary>The fleet's leader after the change, or <see langword="null"/> when none is known.</summary>
    public LeaderInfo? Leader { get; init; }

    /// <summary>Why it changed ("lease acquired", "lease released on stop", "lease not renewed within the renew
    /// deadline", …).</summary>
    public required string Reason { get; init; }

    /// <inheritdoc />
    public override string Message => Leader is { } leader
        ? $"Fleet '{Fleet}' is led by '{leader.Identity}' (term {leader.Term}, since {leader.Since:O}); this instance '{Identity}' {(IsLeader ? "leads" : "follows")}: {Reason}"
        : $"Fleet '{Fleet}' has no known leader; this instance '{Identity}' follows: {Reason}";

    /// <inheritdoc />
    public override bool IsWarning => !IsLeader && Reason.Contains("not renewed", StringComparison.Ordinal);
}
