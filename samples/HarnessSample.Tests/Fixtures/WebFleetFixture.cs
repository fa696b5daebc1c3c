using HarnessSample.Tests.Workloads;
using Orchestration;
using Orchestration.Testing;

namespace HarnessSample.Tests.Fixtures;

/// <summary>A class fixture: one fleet per test class, started before its first test and removed after its last.</summary>
public sealed class WebFleetFixture : IAsyncLifetime
{
    public TestFleet Fleet { get; private set; } = null!;

    /// <summary>The cache next to <see cref="WebApp"/>, declared once for the fixture and for anything else that reads
    /// the fleet (such as a Kubernetes export).</summary>
    public static WorkloadSpec Cache { get; } = new WorkloadBuilder("cache")
        .Image("orchestration/busybox:1")
        .PullPolicy(PullPolicy.Never)
        .Port("tcp", 8080)
        .Readiness(Probe.Tcp("tcp"))
        .Build();

    public async Task InitializeAsync()
        => Fleet = await TestFleet.StartAsync(b => b
            .AddWorkload<WebApp>()
            .AddWorkload(Cache));

    public async Task DisposeAsync()
    {
        if (Fleet is not null)
        {
            await Fleet.DisposeAsync();
        }
    }
}
