using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Runtime;
using Orchestration.Runtime.Docker;
using Orchestration.TestSupport;

namespace Orchestration.Docker.Tests.Infrastructure;

/// <summary>One test's fleet on the real engine: a unique fleet name, the Docker runtime resolved the way an app gets
/// it (<c>AddOrchestration().UseDocker()</c>), launches labelled like the orchestrator's, and a cleanup that removes
/// whatever carries the fleet label.</summary>
public sealed class RuntimeScope : IAsyncDisposable
{
    private readonly EngineFixture _engine;
    private readonly ServiceProvider _services;

    public RuntimeScope(EngineFixture engine, Action<DockerRuntimeOptions>? configure = null)
    {
        _engine = engine;
        Fleet = $"t{Guid.NewGuid():N}"[..12];
        var services = new ServiceCollection();
        services.AddOrchestration(o => o.FleetName = Fleet).UseDocker(o =>
        {
            o.PingInterval = TimeSpan.FromMilliseconds(250);
            configure?.Invoke(o);
        });
        _services = services.BuildServiceProvider();
        Runtime = _services.GetRequiredService<IContainerRuntime>();
        Images = _services.GetRequiredService<DockerImages>();
    }

    public string Fleet { get; }

    public IContainerRuntime Runtime { get; }

    public DockerImages Images { get; }

    public IServiceProvider Services => _services;

    public static WorkloadSpec Web(string name = "web") => new()
    {
        Name = name,
        Image = EngineFixture.Image,
        PullPolicy = PullPolicy.Never,
        Ports = [new PortSpec("http", 8080)],
        StopGracePeriod = TimeSpan.FromSeconds(5),
    };

    public ContainerLaunch Launch(WorkloadSpec workload, string replica, string node = "local") => new()
    {
        Fleet = Fleet,
        Container = ResolvedContainerSpec.From(workload),
        ReplicaId = replica,
        Node = node,
        Name = $"{Fleet}-{workload.Name}-{replica}",
        Labels = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            [OrchestrationLabels.Fleet] = Fleet,
            [OrchestrationLabels.Workload] = workload.Name,
            [OrchestrationLabels.Replica] = replica,
            [OrchestrationLabels.Revision] = workload.Revision,
            [OrchestrationLabels.Owner] = "tests",
        }),
        Environment = workload.Environment,
    };

    /// <summary>Prepares the fleet, ensures the image and starts the launch: what the orchestrator does per replica.</summary>
    public async Task<ContainerInfo> StartAsync(WorkloadSpec workload, string replica, CancellationToken cancellationToken = default)
    {
        var launch = Launch(workload, replica);
        await Runtime.PrepareFleetAsync(Fleet, cancellationToken);
        await Runtime.EnsureImageAsync(launch, cancellationToken);
        return await Runtime.StartAsync(launch, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _engine.RemoveFleetAsync(Fleet);
        await _services.DisposeAsync();
    }
}
