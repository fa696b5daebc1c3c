using Docker.DotNet.Models;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Docker.Tests.Infrastructure;
using Orchestration.Runtime;
using Orchestration.Runtime.Docker.Client;
using Orchestration.TestSupport;

namespace Orchestration.Docker.Tests.Runtime;

[Collection(DockerCollection.Name)]
public sealed class EventTests(EngineFixture engine) : IAsyncLifetime
{
    private readonly RuntimeScope _scope = new(engine);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _scope.DisposeAsync();

    [Fact]
    public async Task A_container_killed_from_outside_is_reported_died_with_exit_code_137()
    {
        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var events = new EventRecorder(_scope.Runtime.WatchAsync(_scope.Fleet, watching.Token));
        var info = await _scope.StartAsync(RuntimeScope.Web(), "r0");
        await events.WaitForAsync(e => e.Kind == RuntimeEventKind.Started && e.ContainerId == info.Ref.Id, TimeSpan.FromSeconds(15));

        await engine.Engine.Containers.KillContainerAsync(info.Ref.Id, new ContainerKillParameters { Signal = "KILL" });

        var died = await events.WaitForAsync(e => e.Kind == RuntimeEventKind.Died && e.ContainerId == info.Ref.Id, TimeSpan.FromSeconds(15));
        Assert.Equal(137, died.ExitCode);
        Assert.Equal("r0", died.ReplicaId);
        Assert.Equal("web", died.Workload);
        Assert.Equal("local", died.Node);
        var created = events.Seen.First(e => e.ContainerId == info.Ref.Id);
        Assert.Equal(RuntimeEventKind.Created, created.Kind);

        await _scope.Runtime.RemoveAsync(info.Ref, default);
        await events.WaitForAsync(e => e.Kind == RuntimeEventKind.Destroyed && e.ContainerId == info.Ref.Id, TimeSpan.FromSeconds(15));
        await watching.CancelAsync();
        await events.Completion;
    }

    [Fact]
    public async Task Events_of_other_fleets_are_not_reported()
    {
        await using var other = new RuntimeScope(engine);
        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var events = new EventRecorder(_scope.Runtime.WatchAsync(_scope.Fleet, watching.Token));

        var foreign = await other.StartAsync(RuntimeScope.Web(), "r0");
        var own = await _scope.StartAsync(RuntimeScope.Web(), "r0");
        await events.WaitForAsync(e => e.Kind == RuntimeEventKind.Started && e.ContainerId == own.Ref.Id, TimeSpan.FromSeconds(15));

        Assert.DoesNotContain(events.Seen, e => e.ContainerId == foreign.Ref.Id);
    }

    [Fact]
    public async Task An_engine_that_does_not_answer_is_reported_not_ready()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-engine-{Guid.NewGuid():N}.sock");
        await using var scope = new RuntimeScope(engine, o =>
        {
            o.MaxRetryAttempts = 0;
            o.Nodes.Add(new() { Name = "local" });
            o.Nodes.Add(new() { Name = "gone", Endpoint = $"unix://{missing}" });
        });
        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var events = new EventRecorder(scope.Runtime.WatchAsync(scope.Fleet, watching.Token));

        var changed = await events.WaitForAsync(e => e.Kind == RuntimeEventKind.NodeChanged, TimeSpan.FromSeconds(15));
        Assert.Equal("gone", changed.Node);
        Assert.Equal(NodeState.NotReady, changed.NodeState);

        var nodes = await scope.Runtime.GetNodesAsync(default);
        Assert.Equal(NodeState.Ready, nodes.Single(n => n.Name == "local").State);
        Assert.Equal(NodeState.NotReady, nodes.Single(n => n.Name == "gone").State);
        Assert.DoesNotContain(events.Seen, e => e.Kind == RuntimeEventKind.NodeChanged && e.Node == "local");
    }

    [Fact]
    public async Task A_node_marked_not_ready_by_a_failed_call_is_reported_ready_at_the_next_answered_ping()
    {
        await using var scope = new RuntimeScope(engine, o => o.PingInterval = TimeSpan.FromMilliseconds(200));
        // What a describe or a list that timed out does: the node is NotReady while its pings still succeed.
        scope.Services.GetRequiredService<DockerNodes>()["local"].TrySetState(NodeState.NotReady);
        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var events = new EventRecorder(scope.Runtime.WatchAsync(scope.Fleet, watching.Token));

        var changed = await events.WaitForAsync(e => e.Kind == RuntimeEventKind.NodeChanged, TimeSpan.FromSeconds(15));

        Assert.Equal(("local", NodeState.Ready), (changed.Node, changed.NodeState));
        Assert.Equal(NodeState.Ready, (await scope.Runtime.GetNodesAsync(default)).Single().State);
    }
}
