using StackExchange.Redis;

namespace Orchestration.LeaderElection.Stores;

/// <summary>The keys of one fleet's lease in Redis.</summary>
internal sealed class RedisLeaseKeys(string fleet)
{
    public RedisKey Lock { get; } = $"orchestration:{fleet}:lease";

    public RedisKey Term { get; } = $"orchestration:{fleet}:term";

    public RedisKey Leader { get; } = $"orchestration:{fleet}:leader";

    public RedisKey State { get; } = $"orchestration:{fleet}:state";
}
