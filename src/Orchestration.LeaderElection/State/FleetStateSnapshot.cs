namespace Orchestration.LeaderElection.State;

/// <summary>What a leader keeps in the lease store for the next one: the fleet spec the instances were started with
/// (by its key), the desired fleet, every workload's revision history with its rollout state, and each cron job's last
/// schedule time.</summary>
internal sealed record FleetStateSnapshot(string RegisteredKey, FleetSpec? Fleet, Dictionary<string, HistorySnapshot> Histories, Dictionary<string, DateTimeOffset>? CronMarks = null);

/// <summary>One workload's revision history as kept in the lease store.</summary>
internal sealed record HistorySnapshot(List<RevisionSnapshot> Entries, int NextNumber, string? LastGood, string? PausedReason);

/// <summary>One revision as kept in the lease store.</summary>
internal sealed record RevisionSnapshot(int Number, string Revision, WorkloadSpec Spec);
