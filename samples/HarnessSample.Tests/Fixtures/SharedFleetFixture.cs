using Orchestration;
using Orchestration.Testing;

namespace HarnessSample.Tests.Fixtures;

/// <summary>A collection fixture: one fleet shared by every test class of <see cref="SharedFleetCollection"/>.</summary>
public sealed class SharedFleetFixture : IAsyncLifetime
{
    public TestFleet Fleet { get; private set; } = null!;

    public async Task InitializeAsync()
        => Fleet = await TestFleet.StartAsync(b => b
            .AddWorkload("api", w => w
                .Image("orchestration/busybox:2")
                .PullPolicy(PullPolicy.Never)
                .Replicas(3)
                .Port("http", 8080)
                .Readiness(Probe.Http("/"))));

    public async Task DisposeAsync()
    {
        if (Fleet is not null)
        {
            await Fleet.DisposeAsync();
        }
    }
}

/// <summary>The test classes that share <see cref="SharedFleetFixture"/>; they run one after another, in parallel with
/// the other classes.</summary>
[CollectionDefinition(Name)]
public sealed class SharedFleetCollection : ICollectionFixture<SharedFleetFixture>
{
    public const string Name = "shared fleet";
}
