using Microsoft.Extensions.DependencyInjection;
using Orchestration.Events;
using Orchestration.Services.Tests.Infrastructure;

namespace Orchestration.Services.Tests.Discovery;

[Collection(EngineCollection.Name)]
public sealed class ServiceDiscoveryOnEngineTests
{
    [Fact]
    public async Task Spreads_300_requests_over_3_ready_replicas_and_drops_one_within_a_probe_period_once_it_is_not_ready()
    {
        await using var fleet = await ServiceFleet.StartAsync("sd", [TestWorkloads.Web()], b => b.Services.AddHttpClient("web", c => c.BaseAddress = new Uri("http://web")).AddServiceDiscovery());
        await fleet.WaitForAsync(s => s["web"]!.Ready == 3);
        var http = fleet.Services.GetRequiredService<IHttpClientFactory>().CreateClient("web");

        var hits = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 300; i++)
        {
            var id = (await http.GetStringAsync("/id")).Trim();
            hits[id] = hits.GetValueOrDefault(id) + 1;
        }

        Assert.Equal(3, hits.Count);
        Assert.All(hits.Values, count => Assert.InRange(count, 90, 110));

        // Take one replica out of readiness while requests keep flowing.
        var victim = fleet.Orchestrator.GetStatus()["web"]!.Replicas.First(r => r.Ready);
        var served = new List<(string Replica, DateTimeOffset At)>();
        using var stop = new CancellationTokenSource();
        var load = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var id = (await http.GetStringAsync("/id")).Trim();
                lock (served)
                {
                    served.Add((fleet.ReplicaOf("web", id), DateTimeOffset.UtcNow));
                }
            }
        });
        Assert.Equal(0, (await fleet.ExecAsync(victim, "rm", "/www/ready")).ExitCode);
        var failed = await fleet.WaitForEventAsync<ProbeFailed>(e => e.ReplicaId == victim.Id && e.Probe == ProbeTarget.Readiness);
        await fleet.WaitForAsync(s => s["web"]!.Ready == 2);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await load;

        lock (served)
        {
            var late = served.Where(s => s.Replica == victim.Id && s.At > failed.Time + TestWorkloads.ProbePeriod).ToList();
            Assert.True(late.Count == 0, $"{late.Count} requests reached {victim.Id} more than one probe period after it failed readiness at {failed.Time:O}; last at {late.LastOrDefault().At:O}");
            Assert.True(served.Count(s => s.At > failed.Time + TestWorkloads.ProbePeriod) > 20, "the other replicas keep serving");
        }
    }

    [Fact]
    public async Task Https_plus_http_and_named_ports_resolve_and_compose_with_the_standard_resilience_handler()
    {
        var web = TestWorkloads.Web(replicas: 2) with
        {
            Ports = [new PortSpec("http", 8080), new PortSpec("metrics", 9090)],
            Command = ["sh", "-c", "trap 'exit 0' TERM INT; hostname > /www/id; touch /www/ready; httpd -p 9090 -h /www; httpd -f -p 8080 -h /www & wait $!"],
        };
        await using var fleet = await ServiceFleet.StartAsync("sdnames", [web], b => b.Services.AddHttpClient("any").AddServiceDiscovery().AddStandardResilienceHandler());
        await fleet.WaitForAsync(s => s["web"]!.Ready == 2);
        var http = fleet.Services.GetRequiredService<IHttpClientFactory>().CreateClient("any");

        Assert.Equal("ok", (await http.GetStringAsync("https+http://web/")).Trim());
        Assert.Equal("ok", (await http.GetStringAsync("http://_metrics.web/")).Trim());
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 10; i++)
        {
            ids.Add((await http.GetStringAsync("http://web/id")).Trim());
        }

        Assert.Equal(2, ids.Count);
    }
}
