using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orchestration.LeaderElection.Election;
using Orchestration.LeaderElection.Stores;

namespace Orchestration.LeaderElection.Tests.Election;

public sealed class LeaderElectorTests
{
    [Fact]
    public async Task A_leader_stops_leading_at_its_renew_deadline_without_asking_the_store()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var elector = new LeaderElector(time, Options.Create(new LeaderElectionOptions { Identity = "a" }));
        var directory = Directory.CreateTempSubdirectory("lease-");
        await using var store = new FileLeaseStore(directory.FullName, "shop");
        var lease = (await store.TryAcquireAsync(TimeSpan.Zero, CancellationToken.None))!;
        var term = await lease.BeginTermAsync("a", time.GetUtcNow(), CancellationToken.None);

        elector.Lead(lease, new LeaderInfo("a", term, time.GetUtcNow()), time.GetUtcNow() + TimeSpan.FromSeconds(10));
        Assert.True(elector.IsLeader);
        Assert.Equal(1, elector.Term);

        time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.True(elector.IsLeader);
        elector.Renewed(time.GetUtcNow() + TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.True(elector.IsLeader);
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.False(elector.IsLeader);

        Assert.Same(lease, elector.Follow(null));
        await lease.DisposeAsync();
        directory.Delete(recursive: true);
    }
}
