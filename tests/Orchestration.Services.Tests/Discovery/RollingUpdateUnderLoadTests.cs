using Microsoft.Extensions.DependencyInjection;
using Orchestration.Events;
using Orchestration.Services.Tests.Infrastructure;
using Orchestration.TestSupport;

namespace Orchestration.Services.Tests.Discovery;

[Collection(EngineCollection.Name)]
public sealed class RollingUpdateUnderLoadTests
{
    [Fact]
    public async Task A_rolling_update_of_4_replicas_fails_no_request_through_discovery_the_balancer_or_a_caller_on_the_fleet_network()
    {
        var v1 = TestWorkloads.Web(replicas: 4);
        var caller = TestWorkloads.Caller("web");
        await using var fleet = await ServiceFleet.StartAsync("roll", [v1, caller], b =>
        {
            b.AddServiceAddress("web", "http", o => o.Strategy = BalancingStrategy.LeastConnections);
            b.Services.AddHttpClient("web", c => c.BaseAddress = new Uri("http://web")).AddServiceDiscovery()
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseProxy = false });
        });
        await fleet.WaitForAsync(s => s["web"]!.Ready == 4 && s["caller"]!.Replicas.Any(r => r.Phase == ReplicaPhase.Running));
        var address = fleet.Services.GetRequiredService<IServiceAddresses>().GetServiceAddress("web", "http");
        Assert.Contains(address, fleet.Orchestrator.GetStatus().ServiceAddresses);
        using var direct = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        var discovery = fleet.Services.GetRequiredService<IHttpClientFactory>().CreateClient("web");
        var callerReplica = fleet.Orchestrator.GetStatus()["caller"]!.Replicas.Single();
        var before = await CallerCountsAsync(fleet, callerReplica);

        var v2 = TestWorkloads.Web(TestWorkloads.V2, replicas: 4, version: 2);
        await using (var viaDiscovery = new HttpTraffic(discovery, new Uri("/", UriKind.Relative)))
        await using (var viaBalancer = new HttpTraffic(direct, address.ToUri()))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            await fleet.ApplyAsync(v2, caller);
            await fleet.WaitForEventAsync<RolloutCompleted>(e => e.Workload == "web" && e.Revision == v2.Revision, 180);
            await fleet.WaitForAsync(s => s["web"]!.Updated == 4 && s["web"]!.Ready == 4 && s["web"]!.Replicas.Length == 4);
            await Task.Delay(TimeSpan.FromSeconds(2));

            Assert.True(viaDiscovery.Failures.Count == 0, "discovery: " + string.Join(" | ", viaDiscovery.Failures.Take(5)));
            Assert.True(viaBalancer.Failures.Count == 0, "balancer: " + string.Join(" | ", viaBalancer.Failures.Take(5)));
            Assert.True(viaDiscovery.Succeeded > 50, $"discovery served {viaDiscovery.Succeeded}");
            Assert.True(viaBalancer.Succeeded > 50, $"balancer served {viaBalancer.Succeeded}");
            Assert.Equal("v2", viaDiscovery.LastBody);
            Assert.Equal("v2", viaBalancer.LastBody);
        }

        var after = await CallerCountsAsync(fleet, callerReplica);
        Assert.True(after.Ok - before.Ok > 50, $"the caller answered {after.Ok - before.Ok} times during the rollout");
        Assert.True(after.Failed == before.Failed, $"the caller on the fleet network failed {after.Failed - before.Failed} times: {after.Detail}");
    }

    private static async Task<(int Ok, int Failed, string Detail)> CallerCountsAsync(Testing.TestFleet fleet, ReplicaStatus caller)
    {
        var result = await fleet.ExecAsync(caller, "sh", "-c", "wc -l < /tmp/ok; wc -l < /tmp/fail; tail -n 3 /tmp/fail; tail -n 3 /tmp/err");
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (int.Parse(lines[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(lines[1], System.Globalization.CultureInfo.InvariantCulture), string.Join(" | ", lines.Skip(2)));
    }
}
