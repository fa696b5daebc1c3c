using System.Collections.Immutable;
using Microsoft.Extensions.Time.Testing;
using Orchestration.InMemory;
using Orchestration.Runtime;

namespace Orchestration.Tests.InMemory;

public sealed class InMemoryRuntimeTests
{
    private static ContainerLaunch Launch(string node, string replica, string image = "app:1")
    {
        var spec = new WorkloadBuilder("web").Image(image).Port("http", 80).Build();
        return new ContainerLaunch
        {
            Fleet = "f",
            Container = ResolvedContainerSpec.From(spec),
            ReplicaId = replica,
            Node = node,
            Name = $"f-web-{replica}",
            Labels = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
            {
                [OrchestrationLabels.Fleet] = "f",
                [OrchestrationLabels.Workload] = "web",
                [OrchestrationLabels.Replica] = replica,
            }),
            Environment = ImmutableSortedDictionary<string, string>.Empty,
        };
    }

    [Fact]
    public async Task Containers_go_created_running_exited_removed_driven_by_the_clock()
    {
        var time = new FakeTimeProvider();
        var runtime = new InMemoryRuntime(time, new InMemoryRuntimeOptions { StartDelay = TimeSpan.FromSeconds(2) }.AddNode("n1"));
        runtime.SetImageBehavior("app:1", new ImageBehavior(TimeSpan.FromSeconds(5), ExitCode: 4));
        using var cts = new CancellationTokenSource();
        var events = runtime.WatchAsync("f", cts.Token).GetAsyncEnumerator();
        var moved = events.MoveNextAsync();

        var info = await runtime.StartAsync(Launch("n1", "r1"), CancellationToken.None);
        Assert.Equal(ContainerState.Created, info.State);
        Assert.True(await moved);
        Assert.Equal(RuntimeEventKind.Created, events.Current.Kind);

        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(ContainerState.Running, Assert.Single(runtime.Containers).State);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(RuntimeEventKind.Started, events.Current.Kind);

        time.Advance(TimeSpan.FromSeconds(5));
        var exited = Assert.Single(runtime.Containers);
        Assert.Equal(ContainerState.Exited, exited.State);
        Assert.Equal(4, exited.ExitCode);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal((RuntimeEventKind.Died, 4), (events.Current.Kind, events.Current.ExitCode));

        await runtime.RemoveAsync(info.Ref, CancellationToken.None);
        Assert.Empty(runtime.Containers);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(RuntimeEventKind.Destroyed, events.Current.Kind);
        await cts.CancelAsync();
        await events.DisposeAsync();
    }

    [Fact]
    public async Task Faults_crash_fail_starts_and_hide_lost_nodes()
    {
        var runtime = new InMemoryRuntime(new FakeTimeProvider(), new InMemoryRuntimeOptions().AddNodes(2, "n"));
        var a = await runtime.StartAsync(Launch("n-0", "a"), CancellationToken.None);
        await runtime.StartAsync(Launch("n-1", "b"), CancellationToken.None);
        Assert.Equal(2, (await runtime.ListContainersAsync("f", CancellationToken.None)).Count);
        Assert.NotEqual(a.PublishedPorts["http"].Port, runtime.Containers[1].PublishedPorts["http"].Port);

        Assert.True(runtime.CrashContainer(a.Ref.Id, 9, oomKilled: true));
        var crashed = runtime.Containers.Single(c => c.Ref == a.Ref);
        Assert.Equal((ContainerState.Exited, 9, true), (crashed.State, crashed.ExitCode, crashed.OomKilled));

        runtime.FailNextStarts(1, "pull failed");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => runtime.StartAsync(Launch("n-0", "c"), CancellationToken.None));
        Assert.Equal("pull failed", error.Message);
        var conflict = await Assert.ThrowsAsync<InvalidOperationException>(() => runtime.StartAsync(Launch("n-1", "b"), CancellationToken.None));
        Assert.Contains("already in use", conflict.Message);

        runtime.LoseNode("n-1");
        Assert.Equal(NodeState.NotReady, runtime.Nodes.Single(n => n.Name == "n-1").State);
        Assert.DoesNotContain(await runtime.ListContainersAsync("f", CancellationToken.None), c => c.Ref.Node == "n-1");
        await Assert.ThrowsAsync<InvalidOperationException>(() => runtime.StartAsync(Launch("n-1", "d"), CancellationToken.None));
        runtime.RestoreNode("n-1");
        Assert.Contains(await runtime.ListContainersAsync("f", CancellationToken.None), c => c.Ref.Node == "n-1");
    }
}
