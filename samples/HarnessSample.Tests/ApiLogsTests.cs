using HarnessSample.Tests.Fixtures;

namespace HarnessSample.Tests;

[Collection(SharedFleetCollection.Name)]
public sealed class ApiLogsTests(SharedFleetFixture fixture)
{
    [Fact]
    public async Task Logs_are_read_per_workload()
    {
        var logs = await fixture.Fleet.GetLogsAsync("api", tail: 20);

        Assert.All(logs, line => Assert.Matches(@"^\[[^\]]+\] ", line));
    }

    [Fact]
    public void The_shared_fleet_has_three_ready_replicas()
        => Assert.Equal(3, fixture.Fleet.Orchestrator.GetStatus()["api"]?.Ready);
}
