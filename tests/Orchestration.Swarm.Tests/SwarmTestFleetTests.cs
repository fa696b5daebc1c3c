using Microsoft.Extensions.DependencyInjection;
using Orchestration.TestSupport;
using Orchestration.Testing;

namespace Orchestration.Swarm.Tests;

/// <summary>The test harness starts a fleet on the swarm and removes it on dispose.</summary>
public sealed class SwarmTestFleetTests
{
    [Fact]
    public async Task The_harness_starts_a_typed_fleet_on_the_swarm_waits_for_it_and_removes_it()
    {
        var manager = await SwarmCluster.ManagerAsync();
        string name;
        await using (var fleet = await TestFleet.StartAsync(
                         b => b.AddWorkload<Store>()
                             .ConfigureServices(s => s.AddSingleton<ISecretResolver>(new TestSecrets()))
                             .ConfigureOrchestrationBuilder(o => o.UseDockerSwarm(s =>
                             {
                                 s.Manager = manager;
                                 s.StatusInterval = TimeSpan.FromMilliseconds(500);
                                 TestSecrets.Configure(s);
                             })),
                         new TestFleetOptions { Watchdog = false, ReadyTimeout = TimeSpan.FromSeconds(90) }))
        {
            name = fleet.Name;
            using var http = new HttpClient();
            var store = fleet.Endpoint<Store>("http");
            Assert.Equal(TestSecrets.StoreConfig, (await http.GetStringAsync(store)).Trim());
            Assert.Equal($"{name}_store", (await DockerCli.OnHostAsync(manager, "service", "ls", "--format", "{{.Name}}", "--filter", $"label=io.orchestration.fleet={name}")).Trim());
        }

        Assert.Equal("", (await DockerCli.OnHostAsync(manager, "service", "ls", "-q", "--filter", $"label=io.orchestration.fleet={name}")).Trim());
    }
}
