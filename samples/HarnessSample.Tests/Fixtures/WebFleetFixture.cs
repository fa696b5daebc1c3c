using HarnessSample.Tests.Workloads;
using Orchestration;
using Orchestration.Testing;

namespace HarnessSample.Tests.Fixtures;

/// <summary>A class fixture: one fleet per test class, started before its first test and removed after its last.</summary>
public sealed class WebFleetFixture : IAsyncLifetime
{
    public TestFleet Fleet { get; private set; } = null!;

    public async Task InitializeAsync()
        => Fleet = await TestFleet.StartAsync(b => b
            .AddWorkload<WebApp>()
            .AddWorkload("cache", w => w
                .Image("orchestration/busybox:1")
                .PullPolicy(PullPolicy.Never)
                .Port("tcp", 8080)
                .Readiness(Probe.Tcp("tcp"))));

    public async Task DisposeAsync()
    {
        if (Fleet is not null)
        {
            await Fleet.DisposeAsync();
        }
    }
}
