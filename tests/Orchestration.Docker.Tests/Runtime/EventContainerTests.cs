using Orchestration.Docker.Tests.Infrastructure;
using Orchestration.Runtime;
using Orchestration.TestSupport;

namespace Orchestration.Docker.Tests.Runtime;

/// <summary>Creation and start events carry the container, so the orchestrator records a new container without
/// listing every container again.</summary>
[Collection(DockerCollection.Name)]
public sealed class EventContainerTests(EngineFixture engine) : IAsyncLifetime
{
    private readonly RuntimeScope _scope = new(engine);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _scope.DisposeAsync();

    [Fact]
    public async Task A_start_event_carries_the_running_container_with_its_published_ports()
    {
        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var events = new EventRecorder(_scope.Runtime.WatchAsync(_scope.Fleet, watching.Token));
        var info = await _scope.StartAsync(RuntimeScope.Web(), "r0");

        var started = await events.WaitForAsync(e => e.Kind == RuntimeEventKind.Started && e.ContainerId == info.Ref.Id, TimeSpan.FromSeconds(15));
        var carried = Assert.IsType<ContainerInfo>(started.Container);
        Assert.Equal(ContainerState.Running, carried.State);
        Assert.Equal(info.PublishedPorts["http"], carried.PublishedPorts["http"]);
        Assert.Equal("r0", carried.Label(OrchestrationLabels.Replica));
        var created = events.Seen.First(e => e.ContainerId == info.Ref.Id);
        Assert.Equal(RuntimeEventKind.Created, created.Kind);
        Assert.Equal(info.Ref, created.Container?.Ref);

        await watching.CancelAsync();
        await events.Completion;
    }
}
