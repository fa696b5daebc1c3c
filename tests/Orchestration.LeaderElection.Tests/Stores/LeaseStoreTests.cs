using System.Diagnostics;
using Orchestration.LeaderElection.Stores;
using Orchestration.LeaderElection.Tests.Infrastructure;

namespace Orchestration.LeaderElection.Tests.Stores;

/// <summary>The same contract on each store, against real servers (eng/stores.sh): one holder at a time, terms that
/// grow, state writes fenced by term, and a released lease taken at once by a waiting instance.</summary>
public sealed class LeaseStoreTests
{
    private static readonly LeaderElectionOptions Timings = new()
    {
        LeaseDuration = TimeSpan.FromSeconds(3),
        RenewDeadline = TimeSpan.FromSeconds(2),
        RetryPeriod = TimeSpan.FromMilliseconds(500),
    };

    public static TheoryData<string> Kinds => ["redis", "postgres", "file"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task One_holder_at_a_time_terms_grow_and_a_deposed_term_cannot_write(string kind)
    {
        var fleet = LeaseServers.UniqueFleet("lease");
        await using var first = Create(kind, fleet);
        await using var second = Create(kind, fleet);

        var lease = await first.TryAcquireAsync(TimeSpan.Zero, CancellationToken.None);
        Assert.NotNull(lease);
        var since = DateTimeOffset.UtcNow;
        var term = await lease.BeginTermAsync("first", since, CancellationToken.None);
        Assert.Equal(1, term);
        Assert.Null(await second.TryAcquireAsync(TimeSpan.FromMilliseconds(300), CancellationToken.None));
        Assert.True(await lease.ConfirmAsync(term, CancellationToken.None));
        Assert.True(await lease.SaveStateAsync(term, "{\"kept\":1}", CancellationToken.None));

        var read = await second.ReadAsync(CancellationToken.None);
        Assert.Equal("first", read.Leader?.Identity);
        Assert.Equal(1, read.Leader?.Term);
        Assert.Equal("{\"kept\":1}", read.State);

        // A waiting instance takes a released lease at once.
        var waiting = second.TryAcquireAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        var released = Stopwatch.StartNew();
        await lease.DisposeAsync();
        var next = await waiting;
        released.Stop();
        Assert.NotNull(next);
        Assert.True(released.Elapsed < TimeSpan.FromSeconds(1), $"the released lease was taken after {released.Elapsed}");

        var nextTerm = await next.BeginTermAsync("second", DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Equal(2, nextTerm);
        Assert.False(await next.SaveStateAsync(term, "{\"late\":1}", CancellationToken.None));
        Assert.True(await next.ConfirmAsync(nextTerm, CancellationToken.None));
        Assert.False(await next.ConfirmAsync(term, CancellationToken.None));
        Assert.Equal("{\"kept\":1}", (await first.ReadAsync(CancellationToken.None)).State);
        Assert.Equal("second", (await first.ReadAsync(CancellationToken.None)).Leader?.Identity);
        await next.DisposeAsync();
    }

    private static ILeaseStore Create(string kind, string fleet) => kind switch
    {
        "redis" => new RedisLeaseStore(LeaseServers.Redis, fleet, Timings),
        "postgres" => new PostgresLeaseStore(LeaseServers.Postgres, fleet, Timings),
        _ => new FileLeaseStore(Path.Combine(Path.GetTempPath(), "orchestration-lease-tests"), fleet),
    };
}
