namespace Orchestration.LeaderElection.Stores;

/// <summary>Where instances of a fleet compete for its lease, and where the leader keeps who leads, its term and the
/// fleet's state for the next leader.</summary>
internal interface ILeaseStore : IAsyncDisposable
{
    /// <summary>Takes the lease, waiting up to <paramref name="wait"/> for it; <see langword="null"/> when another
    /// instance holds it.</summary>
    Task<ILease?> TryAcquireAsync(TimeSpan wait, CancellationToken cancellationToken);

    /// <summary>Reads who leads and the state the leader kept.</summary>
    Task<LeaseRecord> ReadAsync(CancellationToken cancellationToken);
}
