using Orchestration;
using Orchestration.Testing;

namespace HarnessSample.Tests.Fixtures;

/// <summary>A collection fixture: one fleet shared by every test class of <see cref="SharedFleetCollection"/>.</summary>
public sealed class SharedFleetFixture : IAsyncLifetime
{
    public TestFleet Fleet { get; private set; } = null!;

    /// <summary>The fleet's one workload, declared once for the fixture and for anything else that reads the fleet
    /// (such as a Kubernetes export).</summary>
    public static WorkloadSpec Api { get; } = new WorkloadBuilder("api")
        .Image("orchestration/busybox:2")
        .PullPolicy(PullPolicy.Never)
        .Replicas(3)
        .Port("http", 8080)
        .Readiness(Probe.Http("/"))
        .Build();

    public async Task InitializeAsync()
        => Fleet = await TestFleet.StartAsync(b => b.AddWorkload(Api));

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
