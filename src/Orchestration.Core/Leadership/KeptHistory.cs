namespace Orchestration.Leadership;

/// <summary>One workload's revision history as kept in a <see cref="FleetStateDocument"/>.</summary>
internal sealed record KeptHistory(List<KeptRevision> Entries, int NextNumber, string? LastGood, string? PausedReason);
