using Medallion.Threading.Postgres;
using Npgsql;

namespace Orchestration.LeaderElection.Stores;

/// <summary>A lease on PostgreSQL: DistributedLock's <see cref="PostgresDistributedLock"/> (a session advisory lock,
/// held while its connection lives, kept alive every retry period), beside it one row per fleet in
/// <c>orchestration_leases</c> with the term, the leader and the state.</summary>
internal sealed class PostgresLeaseStore : ILeaseStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _connectionString;
    private readonly string _fleet;
    private readonly LeaderElectionOptions _options;
    private bool _tableReady;

    public PostgresLeaseStore(string connectionString, string fleet, LeaderElectionOptions options)
    {
        _connectionString = connectionString;
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _fleet = fleet;
        _options = options;
    }

    public async Task<ILease?> TryAcquireAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var handle = await new PostgresDistributedLock(new PostgresAdvisoryLockKey($"orchestration:{_fleet}", allowHashing: true), _connectionString, o => o
                .KeepaliveCadence(_options.RetryPeriod))
            .TryAcquireAsync(wait, cancellationToken).ConfigureAwait(false);
        return handle is null ? null : new PostgresLease(handle, _dataSource, _fleet);
    }

    public async Task<LeaseRecord> ReadAsync(CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand("SELECT leader, state FROM orchestration_leases WHERE fleet = $1");
        command.Parameters.AddWithValue(_fleet);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return new LeaseRecord(null, null);
        }

        return new LeaseRecord(
            LeaderRecordJson.Read(reader.IsDBNull(0) ? null : reader.GetString(0)),
            reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (_tableReady)
        {
            return;
        }

        await using var command = _dataSource.CreateCommand(
            "CREATE TABLE IF NOT EXISTS orchestration_leases (fleet text PRIMARY KEY, term bigint NOT NULL, leader text, state text)");
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateObject)
        {
            // Another instance created it at the same moment.
        }

        _tableReady = true;
    }
}
