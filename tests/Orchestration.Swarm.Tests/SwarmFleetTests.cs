using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Events;
using Orchestration.Runtime;
using Orchestration.Runtime.Swarm;
using Orchestration.TestSupport;

namespace Orchestration.Swarm.Tests;

/// <summary>A fleet of typed workloads on the 3-node swarm that eng/swarm.sh brings up: it runs spread over the nodes,
/// a failing update rolls back by itself, a killed node's tasks move, the fleet outlives its app and a new app adopts
/// and scales it.</summary>
public sealed class SwarmFleetTests
{
    private const string StoreConfig = TestSecrets.StoreConfig;
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };

    private static void Workloads(IOrchestrationBuilder b) => b.AddWorkload<Store>().AddWorkload<Web>();

    private static void Config(SwarmRuntimeOptions o) => TestSecrets.Configure(o);

    [Fact]
    public async Task A_fleet_runs_spread_rolls_back_heals_a_lost_node_outlives_its_app_and_is_adopted_and_scaled()
    {
        var manager = await SwarmCluster.ManagerAsync();
        var fleet = "sw-" + RandomNumberGenerator.GetHexString(8, lowercase: true);
        SwarmAppHost? app = await SwarmAppHost.StartAsync(fleet, manager, Workloads, Config);
        SwarmAppHost? adopter = null;
        try
        {
            // Runs: the dependant after its dependency, spread over the nodes, reaching the store by name.
            var status = await app.WaitForAsync(s => s["store"]?.Ready == 1 && s["web"] is { Ready: 3, Phase: WorkloadPhase.Available });
            var web = status["web"]!;
            // Swarm spreads a service's tasks as a preference: a task the engine fails to start on one node (its
            // network attachment failing there, for example) is placed on another, so "spread" means more than one
            // node here; the tasks' history is in the message when it does not hold.
            var webNodes = web.Replicas.Select(r => r.Node).Distinct().Count();
            Assert.True(webNodes >= 2, $"web runs on {webNodes} node; its tasks:\n" + await DockerCli.OnHostAsync(manager, "service", "ps", "--no-trunc", "--format", "{{.Name}} {{.Node}} {{.DesiredState}} {{.CurrentState}} {{.Error}}", $"{fleet}_web"));
            var storeNode = status["store"]!.Replicas.Single(r => r.Ready).Node;
            Assert.Contains(web.Replicas, r => r.Node != storeNode);
            var storeStarted = app.Events.OfType<ReplicaStarted>().First(e => e.Workload == "store").Time;
            Assert.All(app.Events.OfType<ReplicaScheduled>().Where(e => e.Workload == "web"), e => Assert.True(e.Time >= storeStarted));
            await AllServeAsync(app.Orchestrator.GetEndpoints("web", "http"), "/store.txt", StoreConfig);
            var store = Assert.Single(app.Orchestrator.GetEndpoints("store", "http"));
            Assert.Equal(TestSecrets.StorePassword.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), (await GetAsync(store, "/secret-length")).Trim());
            var inspected = await DockerCli.OnHostAsync(manager, "service", "inspect", $"{fleet}_store", $"{fleet}_web");
            Assert.DoesNotContain(TestSecrets.StorePassword, inspected, StringComparison.Ordinal);

            // A rolling update to a revision that fails its health check rolls back by itself, with no ready replica lost.
            var good = app.Orchestrator.DesiredState!.Find("web")!;
            var bad = good with { Image = "orchestration/busybox:2", Args = [good.Args[0].Replace("touch /srv/healthz && ", "", StringComparison.Ordinal)] };
            var minReady = int.MaxValue;
            using (app.Orchestrator.Events.Subscribe(_ => minReady = Math.Min(minReady, app.Orchestrator.GetStatus()["web"]?.Ready ?? 0)))
            {
                var desired = app.Orchestrator.DesiredState!;
                await app.Orchestrator.ApplyAsync(desired with { Workloads = desired.Workloads.Replace(good, bad) });
                await app.WaitForAsync(_ => app.Events.OfType<RolloutRolledBack>().Any(e => e.Workload == "web"), 120);
                status = await app.WaitForAsync(s => s["web"] is { Ready: 3, Updated: 3, Phase: WorkloadPhase.Available } w && w.Revision == good.Revision);
            }

            Assert.True(minReady >= 3, $"web fell to {minReady} ready replicas during the failed update");
            Assert.Equal(good.Revision, app.Orchestrator.DesiredState!.Find("web")!.Revision);
            Assert.All(status["web"]!.Replicas, r => Assert.Equal(good.Revision, r.Revision));

            // One node's engine is killed: its tasks run on the other nodes.
            var victim = status["web"]!.Replicas.Select(r => r.Node!).First(n => n != "node1");
            var number = int.Parse(victim["node".Length..], System.Globalization.CultureInfo.InvariantCulture);
            await SwarmCluster.StopNodeAsync(number);
            try
            {
                status = await app.WaitForAsync(
                    s => s.Nodes.Any(n => n.Name == victim && n.State != NodeState.Ready)
                         && s["web"] is { Ready: 3 } w && w.Replicas.All(r => r.Node != victim)
                         && s["store"] is { Ready: 1 } st && st.Replicas.All(r => r.Node != victim),
                    120);
                await AllServeAsync(app.Orchestrator.GetEndpoints("web", "http"), "/store.txt", StoreConfig);
            }
            finally
            {
                await SwarmCluster.StartNodeAsync(number);
            }

            // The app stops; another app process takes the fleet over as it runs (no task replaced) and is killed
            // with SIGKILL; the fleet keeps serving.
            var endpoints = app.Orchestrator.GetEndpoints("web", "http");
            var tasks = await RunningTasksAsync(manager, fleet);
            await app.DisposeAsync();
            app = null;
            using (var process = await SwarmAppProcess.StartAsync(fleet, manager, TimeSpan.FromMinutes(2)))
            {
                Assert.Equal(tasks, await RunningTasksAsync(manager, fleet));
                await process.KillAsync();
            }

            await AllServeAsync(endpoints, "/store.txt", StoreConfig);

            // A new app adopts the fleet as it runs and scales it.
            adopter = await SwarmAppHost.StartAsync(fleet, manager, Workloads, Config);
            await adopter.WaitForAsync(s => s["web"] is { Ready: 3, Phase: WorkloadPhase.Available } && s["store"]?.Ready == 1);
            Assert.Contains(adopter.Events, e => e is ReplicaAdopted { Workload: "web" });
            Assert.Equal(tasks, await RunningTasksAsync(manager, fleet));
            await adopter.Orchestrator.ScaleAsync("web", 5);
            status = await adopter.WaitForAsync(s => s["web"] is { Ready: 5, Phase: WorkloadPhase.Available });
            await AllServeAsync(adopter.Orchestrator.GetEndpoints("web", "http"), "/store.txt", StoreConfig);
        }
        finally
        {
            var owner = adopter ?? app;
            if (owner is not null)
            {
                await owner.Orchestrator.DeleteFleetAsync();
                await owner.DisposeAsync();
            }
        }

        Assert.Equal("", (await DockerCli.OnHostAsync(manager, "service", "ls", "-q", "--filter", $"label={OrchestrationLabels.Fleet}={fleet}")).Trim());
        Assert.DoesNotContain($"orchestration-{fleet}", await DockerCli.OnHostAsync(manager, "secret", "ls", "--format", "{{.Name}}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsupported_spec_fails_the_apply_and_creates_nothing()
    {
        var manager = await SwarmCluster.ManagerAsync();
        var fleet = "sw-" + RandomNumberGenerator.GetHexString(8, lowercase: true);
        await using var app = await SwarmAppHost.StartAsync(fleet, manager, b => b.AddWorkload<Store>(), Config);
        try
        {
            var spec = new FleetBuilder(fleet)
                .AddWorkload("api", w => w.Image("orchestration/busybox:1").Placement(PlacementStrategy.BinPack))
                .Build();

            var refused = await Assert.ThrowsAsync<SpecValidationException>(() => app.Orchestrator.ApplyAsync(spec));

            Assert.Contains("workloads[\"api\"].placement.strategy", refused.Message, StringComparison.Ordinal);
            Assert.Equal("", (await DockerCli.OnHostAsync(manager, "service", "ls", "-q", "--filter", $"name={fleet}_api")).Trim());
            Assert.NotNull(app.Orchestrator.DesiredState!.Find("store"));
        }
        finally
        {
            await app.Orchestrator.DeleteFleetAsync();
        }
    }

    private static async Task<string> RunningTasksAsync(string manager, string fleet)
    {
        var ids = await DockerCli.OnHostAsync(manager, "service", "ps", "-q", "--no-trunc", "--filter", "desired-state=running", $"{fleet}_store", $"{fleet}_web");
        return string.Join(',', ids.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));
    }

    private static async Task<string> GetAsync(ServiceEndpoint endpoint, string path)
        => await Http.GetStringAsync(new Uri(endpoint.ToUri(), path));

    /// <summary>Every endpoint serves <paramref name="expected"/> at <paramref name="path"/> within 30 s.</summary>
    private static async Task AllServeAsync(IReadOnlyList<ServiceEndpoint> endpoints, string path, string expected)
    {
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            var last = "";
            while (true)
            {
                try
                {
                    last = (await GetAsync(endpoint, path)).Trim();
                    if (last == expected)
                    {
                        break;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    last = e.Message;
                }

                Assert.True(DateTime.UtcNow < deadline, $"{endpoint.ToUri()}{path} answered '{last}', not '{expected}'");
                await Task.Delay(250);
            }
        }
    }
}
