using Medallion.Threading.Redis;
using StackExchange.Redis;

namespace Orchestration.LeaderElection.Stores;

/// <summary>A lease on Redis: DistributedLock's <see cref="RedisDistributedLock"/> (a key with an expiry of the lease
/// duration, extended every retry period), beside it the fleet's term counter, leader record and state.</summary>
internal sealed class RedisLeaseStore : ILeaseStore
{
    private readonly string _configuration;
    private readonly LeaderElectionOptions _options;
    private readonly RedisLeaseKeys _keys;
    private ConnectionMultiplexer? _connection;

    public RedisLeaseStore(string configuration, string fleet, LeaderElectionOptions options)
    {
        _configuration = configuration;
        _options = options;
        _keys = new RedisLeaseKeys(fleet);
    }

    public async Task<ILease?> TryAcquireAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync().ConfigureAwait(false);
        var handle = await new RedisDistributedLock(_keys.Lock, database, o => o
                .Expiry(_options.LeaseDuration)
                .ExtensionCadence(_options.RetryPeriod)
                .MinValidityTime(_options.RenewDeadline)
                .BusyWaitSleepTime(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50)))
            .TryAcquireAsync(wait, cancellationToken).ConfigureAwait(false);
        return handle is null ? null : new RedisLease(handle, database, _keys);
    }

    public async Task<LeaseRecord> ReadAsync(CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync().ConfigureAwait(false);
        var values = await database.StringGetAsync([_keys.Leader, _keys.State]).WaitAsync(cancellationToken).ConfigureAwait(false);
        return new LeaseRecord(LeaderRecordJson.Read(values[0]), values[1]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<IDatabase> DatabaseAsync()
    {
        if (_connection is null)
        {
            var options = ConfigurationOptions.Parse(_configuration);
            options.AbortOnConnectFail = false;
            var timeout = (int)Math.Max(500, _options.RenewDeadline.TotalMilliseconds); // a slow answer within the deadline still counts
            options.ConnectTimeout = timeout;
            options.AsyncTimeout = timeout;
            options.SyncTimeout = timeout;
            _connection = await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
        }

        return _connection.GetDatabase();
    }
}
