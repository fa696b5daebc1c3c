using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orchestration.AspNetCore.Tests.Support;
using Orchestration.Events;
using Orchestration.Runtime;

namespace Orchestration.AspNetCore.Tests.Health;

[Collection(EngineCollection.Name)]
public sealed class HealthOnEngineTests
{
    [Fact]
    public async Task Turns_degraded_during_a_rollout_and_healthy_after_it()
    {
        var v1 = Slow("1");
        await using var fleet = await Fleets.StartAsync("hroll", v1);
        await fleet.WaitForAsync(s => s["web"]!.Ready == 2 && s["web"]!.Phase == WorkloadPhase.Available);
        using var health = HealthOf(fleet.Orchestrator);
        var before = await health.CheckAsync();
        Assert.Equal(HealthStatus.Healthy, before.Status);
        var data = (IReadOnlyDictionary<string, object>)before.Entries["orchestration"].Data["web"];
        Assert.Equal(2, data["ready"]);
        Assert.Equal(v1.Revision, data["revision"]);

        var v2 = Slow("2");
        await fleet.ApplyAsync(v2);
        var seen = new List<HealthStatus>();
        var reasons = new List<string>();
        var completed = fleet.WaitForEventAsync<RolloutCompleted>(e => e.Revision == v2.Revision, 120);
        while (!completed.IsCompleted)
        {
            var report = await health.CheckAsync();
            seen.Add(report.Status);
            reasons.Add(report.Entries["orchestration"].Description ?? string.Empty);
            Assert.NotEqual(HealthStatus.Unhealthy, report.Status);
            await Task.Delay(50);
        }

        await completed;
        Assert.Contains(HealthStatus.Degraded, seen);
        Assert.Contains(reasons, r => r.StartsWith("web: rolling out revision " + v2.Revision, StringComparison.Ordinal));
        var after = await WaitForStatusAsync(health, HealthStatus.Healthy, TimeSpan.FromSeconds(60), seen);
        Assert.Equal(v2.Revision, ((IReadOnlyDictionary<string, object>)after.Entries["orchestration"].Data["web"])["revision"]);
    }

    [Fact]
    public async Task Turns_unhealthy_when_the_only_replica_of_a_workload_is_down()
    {
        // Slow restarts: the replica stays down long enough to be seen whatever the machine's load.
        var solo = new WorkloadBuilder("solo").Image(Fleets.Image).PullPolicy(PullPolicy.Never).Port("http", 8080)
            .Readiness(Probe.Http("/") with { Period = TimeSpan.FromMilliseconds(250) })
            .RestartPolicy(RestartMode.Always, initialDelay: TimeSpan.FromSeconds(5))
            .StopGracePeriod(TimeSpan.FromSeconds(1))
            .Build();
        await using var fleet = await Fleets.StartAsync("hdown", solo, Fleets.Web("other"));
        var running = (await fleet.WaitForAsync(s => s["solo"]!.Ready == 1 && s["other"]!.Ready == 1)).Replicas("solo")[0];
        using var health = HealthOf(fleet.Orchestrator);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckAsync()).Status);

        await fleet.ExecAsync(running, "sh", "-c", "kill -9 $(pidof httpd)");
        var down = await WaitForStatusAsync(health, HealthStatus.Unhealthy, TimeSpan.FromSeconds(60), []);
        Assert.Contains("solo: no ready replica of 1", down.Entries["orchestration"].Description);
        var soloData = (IReadOnlyDictionary<string, object>)down.Entries["orchestration"].Data["solo"];
        Assert.Equal(0, soloData["ready"]);
        var other = (IReadOnlyDictionary<string, object>)down.Entries["orchestration"].Data["other"];
        Assert.Equal(1, other["ready"]);

        await WaitForStatusAsync(health, HealthStatus.Healthy, TimeSpan.FromSeconds(90), []);
    }

    private static WorkloadSpec Slow(string version) => new WorkloadBuilder("web")
        .Image(Fleets.Image).PullPolicy(PullPolicy.Never).Replicas(2).Port("http", 8080)
        .Env("VERSION", version)
        .Command("sh", "-c", "trap 'exit 0' TERM; sleep 2; httpd -f -p 8080 -h /www & wait $!")
        .Readiness(Probe.Http("/") with { Period = TimeSpan.FromMilliseconds(250) })
        .RollingUpdate(maxSurge: 1, maxUnavailable: 0, progressDeadline: TimeSpan.FromSeconds(60))
        .StopGracePeriod(TimeSpan.FromSeconds(1))
        .Build();

    private static HealthProbe HealthOf(IOrchestrator orchestrator)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(orchestrator);
        services.AddHealthChecks().AddOrchestrationHealthChecks();
        return new HealthProbe(services.BuildServiceProvider());
    }

    private static async Task<HealthReport> WaitForStatusAsync(HealthProbe health, HealthStatus wanted, TimeSpan timeout, List<HealthStatus> seen)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var report = await health.CheckAsync();
            seen.Add(report.Status);
            if (report.Status == wanted || DateTime.UtcNow >= deadline)
            {
                Assert.True(report.Status == wanted, $"expected {wanted}, last {report.Status}: {report.Entries["orchestration"].Description}; seen {string.Join(",", seen.Distinct())}");
                return report;
            }

            await Task.Delay(50);
        }
    }

    private sealed class HealthProbe(ServiceProvider services) : IDisposable
    {
        public Task<HealthReport> CheckAsync() => services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        public void Dispose() => services.Dispose();
    }
}
