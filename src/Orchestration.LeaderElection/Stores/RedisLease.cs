using System.Globalization;
using Medallion.Threading.Redis;
using StackExchange.Redis;

namespace Orchestration.LeaderElection.Stores;

/// <summary>A held Redis lease. The term and the state are written by Lua scripts, so a write is refused unless the
/// writer's term is still the current one.</summary>
internal sealed class RedisLease : ILease
{
    private const string SaveIfTermScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          redis.call('SET', KEYS[2], ARGV[2])
          return 1
        end
        return 0
        """;

    private readonly RedisDistributedLockHandle _handle;
    private readonly IDatabase _database;
    private readonly RedisLeaseKeys _keys;

    public RedisLease(RedisDistributedLockHandle handle, IDatabase database, RedisLeaseKeys keys)
    {
        _handle = handle;
        _database = database;
        _keys = keys;
    }

    public CancellationToken Lost => _handle.HandleLostToken;

    public async Task<long> BeginTermAsync(string identity, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var term = await _database.StringIncrementAsync(_keys.Term).WaitAsync(cancellationToken).ConfigureAwait(false);
        await _database.StringSetAsync(_keys.Leader, LeaderRecordJson.Write(new LeaderInfo(identity, term, since))).WaitAsync(cancellationToken).ConfigureAwait(false);
        return term;
    }

    public async Task<bool> ConfirmAsync(long term, CancellationToken cancellationToken)
    {
        var current = await _database.StringGetAsync(_keys.Term).WaitAsync(cancellationToken).ConfigureAwait(false);
        return current == term.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<bool> SaveStateAsync(long term, string state, CancellationToken cancellationToken)
    {
        var saved = await _database.ScriptEvaluateAsync(SaveIfTermScript, [_keys.Term, _keys.State], [term.ToString(CultureInfo.InvariantCulture), state])
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return (int)saved == 1;
    }

    public ValueTask DisposeAsync() => _handle.DisposeAsync();
}
