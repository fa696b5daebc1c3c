using Microsoft.Extensions.DependencyInjection;
using Orchestration.Services.Tests.Infrastructure;
using Orchestration.TestSupport;

namespace Orchestration.Services.Tests.Dns;

[Collection(EngineCollection.Name)]
public sealed class FleetDnsOnEngineTests
{
    [Fact]
    public async Task The_workload_name_resolves_on_the_fleet_network_to_its_ready_replicas_only()
    {
        var shell = new WorkloadBuilder("shell").Image(TestWorkloads.V1).Command("sh", "-c", "trap 'exit 0' TERM INT; sleep 100000 & wait $!")
            .StopGracePeriod(TimeSpan.FromSeconds(1)).Build();
        await using var fleet = await ServiceFleet.StartAsync("dns", [TestWorkloads.Web(replicas: 3), shell]);
        await fleet.WaitForAsync(s => s["web"]!.Ready == 3 && s["shell"]!.Replicas.Any(r => r.Phase == ReplicaPhase.Running));
        var table = fleet.Services.GetRequiredService<ServiceEndpointTable>();
        var client = fleet.Orchestrator.GetStatus()["shell"]!.Replicas.Single();

        await UntilAsync(() => table.ReadyOf("web") is { Length: 3 } r && r.All(x => x.NetworkAddress is not null));
        var all = table.ReadyOf("web").Select(r => r.NetworkAddress!).ToHashSet();
        Assert.Equal(3, all.Count);
        Assert.Equal(all, await ResolveAsync(fleet, client, "web"));

        var victim = table.ReadyOf("web")[0];
        Assert.Equal(0, (await fleet.ExecAsync(victim.Status, "rm", "/www/ready")).ExitCode);
        await fleet.WaitForAsync(s => s["web"]!.Ready == 2);
        await UntilAsync(() => table.ReadyOf("web").Length == 2);
        var remaining = await ResolveAsync(fleet, client, "web");
        Assert.Equal(all.Where(a => a != victim.NetworkAddress).ToHashSet(), remaining);

        // Names that are not workloads go on to the machine's resolvers; replica container names still resolve.
        Assert.Empty(await ResolveAsync(fleet, client, "no-such-workload"));
        Assert.Single(await ResolveAsync(fleet, client, victim.Status.ContainerId![..12]));
    }

    /// <summary>Polls <paramref name="condition"/> until it holds, for at most 10 s: the endpoint table follows the
    /// published status a moment later.</summary>
    private static async Task UntilAsync(Func<bool> condition)
        => await Eventually.UntilAsync(() => Task.FromResult(condition()), TimeSpan.FromSeconds(10), "the endpoint table to follow the status");

    /// <summary>The IPv4 addresses nslookup finds for <paramref name="name"/> inside <paramref name="replica"/>.</summary>
    private static async Task<HashSet<string>> ResolveAsync(Testing.TestFleet fleet, ReplicaStatus replica, string name)
    {
        var result = await fleet.ExecAsync(replica, "nslookup", "-type=a", name);
        var answers = result.Output.Split('\n').SkipWhile(l => !l.StartsWith("Name:", StringComparison.Ordinal) && !l.Contains("answer", StringComparison.OrdinalIgnoreCase));
        return [.. answers.Where(l => l.StartsWith("Address", StringComparison.Ordinal))
            .Select(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Last())
            .Where(a => System.Net.IPAddress.TryParse(a, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)];
    }
}
