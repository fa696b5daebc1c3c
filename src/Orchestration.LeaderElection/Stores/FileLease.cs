namespace Orchestration.LeaderElection.Stores;

/// <summary>A held file lease: the open, exclusively shared lock file. Only its holder writes the record beside it.</summary>
internal sealed class FileLease : ILease
{
    private readonly FileStream _handle;
    private readonly FileLeaseRecord _record;

    public FileLease(FileStream handle, FileLeaseRecord record)
    {
        _handle = handle;
        _record = record;
    }

    public CancellationToken Lost => CancellationToken.None;

    public Task<long> BeginTermAsync(string identity, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var content = _record.Read();
        var term = content.Term + 1;
        _record.Write(content with { Term = term, Leader = new LeaderInfo(identity, term, since) });
        return Task.FromResult(term);
    }

    public Task<bool> ConfirmAsync(long term, CancellationToken cancellationToken)
        => Task.FromResult(_handle.SafeFileHandle is { IsClosed: false } && _record.Read().Term == term);

    public Task<bool> SaveStateAsync(long term, string state, CancellationToken cancellationToken)
    {
        var content = _record.Read();
        if (content.Term != term)
        {
            return Task.FromResult(false);
        }

        _record.Write(content with { State = state });
        return Task.FromResult(true);
    }

    public ValueTask DisposeAsync() => _handle.DisposeAsync();
}
