namespace Orchestration.LeaderElection.Stores;

/// <summary>What a lease store holds besides the lock: the leader, and the fleet state it kept (JSON).</summary>
internal sealed record LeaseRecord(LeaderInfo? Leader, string? State);
