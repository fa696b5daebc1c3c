using Orchestration.Docker.Tests.Infrastructure;
using Orchestration.Runtime;
using Orchestration.TestSupport;

namespace Orchestration.Docker.Tests.Runtime;

[Collection(DockerCollection.Name)]
public sealed class NetworkTests(EngineFixture engine) : IAsyncLifetime
{
    private readonly RuntimeScope _scope = new(engine);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _scope.DisposeAsync();

    [Fact]
    public async Task Containers_reach_each_other_by_workload_name_on_the_fleet_network()
    {
        await _scope.StartAsync(RuntimeScope.Web("web"), "r0");
        var client = await _scope.StartAsync(RuntimeScope.Web("client") with { Ports = [] }, "r0");

        var result = await _scope.Runtime.ExecAsync(client.Ref, ["wget", "-qO-", "http://web:8080/"], TimeSpan.FromSeconds(10), default);

        Assert.False(result.TimedOut);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("ok", result.Output.Trim());
    }

    [Fact]
    public async Task Prepare_is_idempotent_and_the_network_carries_the_fleet_label()
    {
        await _scope.Runtime.PrepareFleetAsync(_scope.Fleet, default);
        await _scope.Runtime.PrepareFleetAsync(_scope.Fleet, default);

        var network = Assert.Single(await engine.NetworksOfAsync(_scope.Fleet));
        Assert.Equal($"orchestration-{_scope.Fleet}", network.Name);
        Assert.Equal("bridge", network.Driver);
    }

    [Fact]
    public async Task Deleting_the_fleet_after_removing_its_containers_leaves_nothing_with_its_label()
    {
        var started = await Task.WhenAll(_scope.StartAsync(RuntimeScope.Web(), "r0"), _scope.StartAsync(RuntimeScope.Web(), "r1"));
        Assert.Single(await engine.NetworksOfAsync(_scope.Fleet));

        foreach (var container in started)
        {
            await _scope.Runtime.RemoveAsync(container.Ref, default);
        }

        await _scope.Runtime.DeleteFleetAsync(_scope.Fleet, default);

        Assert.Empty(await engine.ContainersOfAsync(_scope.Fleet));
        Assert.Empty(await engine.NetworksOfAsync(_scope.Fleet));
        Assert.Empty(await _scope.Runtime.ListContainersAsync(_scope.Fleet, default));
    }

    [Fact]
    public async Task A_replica_started_after_its_network_vanished_recreates_it()
    {
        await _scope.Runtime.PrepareFleetAsync(_scope.Fleet, default);
        await _scope.Runtime.DeleteFleetAsync(_scope.Fleet, default);

        var info = await _scope.Runtime.StartAsync(_scope.Launch(RuntimeScope.Web(), "r0"), default);

        Assert.Equal(ContainerState.Running, info.State);
        Assert.Single(await engine.NetworksOfAsync(_scope.Fleet));
    }
}
