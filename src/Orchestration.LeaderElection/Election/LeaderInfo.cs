namespace Orchestration.LeaderElection;

/// <summary>Who leads a fleet: the leader's identity, its term and since when it leads.</summary>
/// <param name="Identity">The leading instance's <see cref="LeaderElectionOptions.Identity"/>.</param>
/// <param name="Term">The leadership term, one more than the previous leader's.</param>
/// <param name="Since">When it took the lease.</param>
public sealed record LeaderInfo(string Identity, long Term, DateTimeOffset Since);
