namespace Orchestration.LeaderElection.Stores;

/// <summary>A lease for instances on one machine: an exclusive lock on <c>{fleet}.lock</c> in a shared directory,
/// held by an open file handle (the operating system releases it the moment the holder dies), and beside it
/// <c>{fleet}.lease.json</c> with the term, the leader and the state.</summary>
internal sealed class FileLeaseStore : ILeaseStore
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);
    private readonly string _lockPath;
    private readonly FileLeaseRecord _record;

    public FileLeaseStore(string directory, string fleet)
    {
        Directory.CreateDirectory(directory);
        _lockPath = Path.Combine(directory, $"{fleet}.lock");
        _record = new FileLeaseRecord(Path.Combine(directory, $"{fleet}.lease.json"));
    }

    public async Task<ILease?> TryAcquireAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                var handle = new FileStream(_lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                return new FileLease(handle, _record);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    public Task<LeaseRecord> ReadAsync(CancellationToken cancellationToken)
    {
        var content = _record.Read();
        return Task.FromResult(new LeaseRecord(content.Leader, content.State));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
