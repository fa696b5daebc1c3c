namespace Orchestration.LeaderElection.Stores;

/// <summary>A held lease. Disposing it releases the lease at once (the graceful hand-off).</summary>
internal interface ILease : IAsyncDisposable
{
    /// <summary>Cancelled when the lock library learns the lease is lost (its renewal failed, its connection broke).</summary>
    CancellationToken Lost { get; }

    /// <summary>Starts a new term: one more than the last one the store recorded; records this instance as the leader.</summary>
    Task<long> BeginTermAsync(string identity, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Whether the store still answers and <paramref name="term"/> is still its current term.</summary>
    Task<bool> ConfirmAsync(long term, CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="state"/> for the next leader, only while <paramref name="term"/> is current
    /// (a deposed leader's write is refused); false when refused.</summary>
    Task<bool> SaveStateAsync(long term, string state, CancellationToken cancellationToken);
}
