using System.Globalization;
using Orchestration.Docker.Tests.Infrastructure;
using Orchestration.Events;
using Orchestration.TestSupport;

namespace Orchestration.Docker.Tests.Health;

[Collection(DockerCollection.Name)]
public sealed class HealthOnEngineTests
{
    private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(500);

    internal static WorkloadSpec Web(string image, int version, int replicas = 4, string readyPath = "/") => new WorkloadBuilder("web")
        .Image(image).Replicas(replicas).Port("http", 8080)
        .Env("VERSION", version.ToString(CultureInfo.InvariantCulture))
        .Readiness(Probe.Http(readyPath) with { Period = Fast, FailureThreshold = 2 })
        .RollingUpdate(maxSurge: 1, maxUnavailable: 0, progressDeadline: TimeSpan.FromSeconds(15))
        .DrainDelay(TimeSpan.FromSeconds(1))
        .StopGracePeriod(TimeSpan.FromSeconds(2))
        .Build();

    [Fact]
    public async Task Rolls_v1_to_v2_without_a_failed_request_and_rolls_a_failing_v3_back_automatically()
    {
        await using var fleet = await FleetScope.StartAsync("roll", Web(EngineFixture.Image, 1));
        await fleet.WaitForAsync(s => s["web"]!.Ready == 4 && s["web"]!.Phase == WorkloadPhase.Available);
        await using var client = new HttpTraffic(fleet.Orchestrator, "web");

        var v2 = Web(EngineFixture.ImageV2, 2);
        await fleet.ApplyAsync(v2);
        await fleet.WaitForAsync(s => s["web"]!.Revision == v2.Revision && s["web"]!.Updated == 4 && s["web"]!.Phase == WorkloadPhase.Available);
        await fleet.WaitForEventAsync<RolloutCompleted>(e => e.Revision == v2.Revision);
        Assert.Empty(client.Failures);

        await fleet.ApplyAsync(Web(EngineFixture.ImageV2, 3, readyPath: "/missing"));
        var rolledBack = await fleet.WaitForEventAsync<RolloutRolledBack>(_ => true, 90);
        Assert.Equal(v2.Revision, rolledBack.Revision);
        Assert.Contains("status 404", rolledBack.Reason);
        await fleet.WaitForAsync(s => s["web"]!.Revision == v2.Revision && s["web"]!.Updated == 4 && s["web"]!.Replicas.Length == 4 && s["web"]!.Phase == WorkloadPhase.Available);
        var before = client.Succeeded;
        await Eventually.ValueAsync(() => Task.FromResult(client.Succeeded), succeeded => succeeded > before + 5, TimeSpan.FromSeconds(15), "v2 to keep serving");
        Assert.Equal("v2", client.LastBody);
        Assert.Empty(client.Failures);
    }

    [Fact]
    public async Task A_replica_whose_liveness_fails_is_restarted()
    {
        var spec = new WorkloadBuilder("live").Image(EngineFixture.Image).Port("http", 8080)
            .Command("sh", "-c", "touch /tmp/alive; (sleep 3; rm -f /tmp/alive) & exec httpd -f -p 8080 -h /www")
            .Liveness(Probe.Exec("test", "-f", "/tmp/alive") with { Period = Fast, FailureThreshold = 2 })
            .StopGracePeriod(TimeSpan.FromSeconds(1))
            .Build();
        await using var fleet = await FleetScope.StartAsync("live", spec);
        var unhealthy = await fleet.WaitForEventAsync<ReplicaUnhealthy>(_ => true, 60);
        Assert.StartsWith("liveness probe failed: exit code 1", unhealthy.Reason);
        await fleet.WaitForAsync(s => s["live"]!.Replicas.Any(r => r.Restarts >= 1 && r.Ready));
    }

    [Fact]
    public async Task A_chain_of_three_dependencies_starts_in_order()
    {
        static WorkloadSpec Tier(string name, string? dependsOn)
        {
            var b = new WorkloadBuilder(name).Image(EngineFixture.Image).Port("http", 8080)
                .Readiness(Probe.Tcp("http") with { Period = TimeSpan.FromMilliseconds(250) }).StopGracePeriod(TimeSpan.FromSeconds(1));
            return (dependsOn is null ? b : b.DependsOn(dependsOn)).Build();
        }

        await using var fleet = await FleetScope.StartAsync("deps", Tier("front", "middle"), Tier("middle", "back"), Tier("back", null));
        await fleet.WaitForAsync(s => s.Workloads.All(w => w.Ready == 1));
        var started = fleet.EventsSoFar().OfType<ReplicaStarted>().GroupBy(e => e.Workload!).ToDictionary(g => g.Key, g => g.Min(e => e.Time));
        var ready = fleet.EventsSoFar().OfType<ProbePassed>().Where(e => e.Probe == ProbeTarget.Readiness).GroupBy(e => e.Workload!).ToDictionary(g => g.Key, g => g.Min(e => e.Time));
        Assert.True(started["middle"] >= ready["back"], "middle started before back was ready");
        Assert.True(started["front"] >= ready["middle"], "front started before middle was ready");
    }

    [Fact]
    public async Task An_exec_probe_that_hangs_times_out_as_configured()
    {
        var spec = new WorkloadBuilder("hang").Image(EngineFixture.Image).Port("http", 8080)
            .Readiness(Probe.Exec("sleep", "30") with { Timeout = TimeSpan.FromSeconds(1), Period = TimeSpan.FromSeconds(1), FailureThreshold = 1 })
            .StopGracePeriod(TimeSpan.FromSeconds(1))
            .Build();
        await using var fleet = await FleetScope.StartAsync("hang", spec);
        var failed = await fleet.WaitForEventAsync<ProbeFailed>(_ => true, 30);
        var started = fleet.EventsSoFar().OfType<ReplicaStarted>().First();
        Assert.Equal("timed out after 1 s", failed.Reason);
        // The hung command would run 30 s: failing well before that shows the timeout, not the command, ended the check.
        // (How fast exec creation is depends on the engine's load, so the bound is deliberately not tight.)
        Assert.True(failed.Time - started.Time < TimeSpan.FromSeconds(15), $"the probe took {(failed.Time - started.Time).TotalSeconds} s to fail");
        Assert.Equal(0, fleet.Orchestrator.GetStatus()["hang"]!.Ready);
    }
}
