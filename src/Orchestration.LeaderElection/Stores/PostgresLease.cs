using Medallion.Threading.Postgres;
using Npgsql;

namespace Orchestration.LeaderElection.Stores;

/// <summary>A held PostgreSQL lease. The state is written only while the writer's term is the row's term.</summary>
internal sealed class PostgresLease : ILease
{
    private readonly PostgresDistributedLockHandle _handle;
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _fleet;

    public PostgresLease(PostgresDistributedLockHandle handle, NpgsqlDataSource dataSource, string fleet)
    {
        _handle = handle;
        _dataSource = dataSource;
        _fleet = fleet;
    }

    public CancellationToken Lost => _handle.HandleLostToken;

    public async Task<long> BeginTermAsync(string identity, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("""
            INSERT INTO orchestration_leases (fleet, term) VALUES ($1, 1)
            ON CONFLICT (fleet) DO UPDATE SET term = orchestration_leases.term + 1
            RETURNING term
            """);
        command.Parameters.AddWithValue(_fleet);
        var term = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        await using var leader = _dataSource.CreateCommand("UPDATE orchestration_leases SET leader = $2 WHERE fleet = $1 AND term = $3");
        leader.Parameters.AddWithValue(_fleet);
        leader.Parameters.AddWithValue(LeaderRecordJson.Write(new LeaderInfo(identity, term, since)));
        leader.Parameters.AddWithValue(term);
        await leader.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return term;
    }

    public async Task<bool> ConfirmAsync(long term, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT term FROM orchestration_leases WHERE fleet = $1");
        command.Parameters.AddWithValue(_fleet);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long current && current == term;
    }

    public async Task<bool> SaveStateAsync(long term, string state, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("UPDATE orchestration_leases SET state = $2 WHERE fleet = $1 AND term = $3");
        command.Parameters.AddWithValue(_fleet);
        command.Parameters.AddWithValue(state);
        command.Parameters.AddWithValue(term);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public ValueTask DisposeAsync() => _handle.DisposeAsync();
}
