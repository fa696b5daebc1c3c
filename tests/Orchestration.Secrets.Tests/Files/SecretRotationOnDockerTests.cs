using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Secrets.Tests.Infrastructure;
using Orchestration.Services;
using Orchestration.TestSupport;
using Orchestration.Testing;

namespace Orchestration.Secrets.Tests.Files;

[Collection(EngineCollection.Name)]
public sealed class SecretRotationOnDockerTests
{
    [Fact]
    public async Task A_changed_secret_rolls_the_workload_out_with_zero_failed_requests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Secrets:greeting"] = "first-a81c" }).Build();
        await using var fleet = await TestFleet.StartAsync(b => b
            .AddWorkload("web", w => w
                .Image("orchestration/busybox:1")
                .Replicas(2)
                .Port("http", 8080)
                .SecretFile("greeting")
                .Command("sh", "-c", "trap 'exit 0' TERM INT; httpd -f -p 8080 -h /run/secrets & wait $!")
                .Readiness(Probe.Http("/greeting") with { Period = TimeSpan.FromMilliseconds(500), FailureThreshold = 1 })
                .RollingUpdate(maxSurge: 1, maxUnavailable: 0, progressDeadline: TimeSpan.FromSeconds(60))
                .DrainDelay(TimeSpan.FromSeconds(1))
                .StopGracePeriod(TimeSpan.FromSeconds(2)))
            .ConfigureServices(s => s.AddSingleton<IConfiguration>(configuration))
            .ConfigureOrchestrationBuilder(o => o.AddServiceAddress("web", "http")));
        var address = fleet.Services.GetRequiredService<IServiceAddresses>().GetServiceAddress("web", "http");
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        var before = fleet.Orchestrator.DesiredState!.Find("web")!;

        await using (var load = new HttpTraffic(http, new Uri(address.ToUri(), "/greeting")))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            configuration["Secrets:greeting"] = "second-5f2d";
            await fleet.Orchestrator.ApplyAsync(fleet.Orchestrator.DesiredState!);
            var after = fleet.Orchestrator.DesiredState!.Find("web")!;
            Assert.NotEqual(before.ContentDigest, after.ContentDigest);
            Assert.NotEqual(before.Revision, after.Revision);

            await fleet.Orchestrator.WaitForAsync(
                s => s["web"]!.Revision == after.Revision && s["web"]!.Updated == 2 && s["web"]!.Ready == 2 && s["web"]!.Replicas.Length == 2,
                TimeSpan.FromMinutes(2));
            await Task.Delay(TimeSpan.FromSeconds(2));

            Assert.True(load.Failures.Count == 0, string.Join(" | ", load.Failures.Take(5)));
            Assert.True(load.Succeeded > 50, $"served {load.Succeeded}");
            Assert.Equal("second-5f2d", load.LastBody);
        }

        // The same value again is the same revision: nothing rolls.
        await fleet.Orchestrator.ApplyAsync(fleet.Orchestrator.DesiredState!);
        Assert.Equal(fleet.Orchestrator.GetStatus()["web"]!.Revision, fleet.Orchestrator.DesiredState!.Find("web")!.Revision);
    }
}
