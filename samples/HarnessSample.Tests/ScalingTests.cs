using HarnessSample.Tests.Fixtures;

namespace HarnessSample.Tests;

/// <summary>Changes its own fleet, so it has its own fixture: other classes never see the change.</summary>
public sealed class ScalingTests(WebFleetFixture fixture) : IClassFixture<WebFleetFixture>
{
    [Fact]
    public async Task Scaling_up_adds_ready_endpoints()
    {
        await fixture.Fleet.Orchestrator.ScaleAsync("web", 3);

        await fixture.Fleet.Orchestrator.WaitForAsync(s => s["web"]?.Ready == 3, TimeSpan.FromSeconds(60));

        Assert.Equal(3, fixture.Fleet.Endpoints("web", "http").Count);
    }
}
