using System.Diagnostics;
using Orchestration.Runtime.Docker;
using Orchestration.TestSupport;
using Orchestration.Testing.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Orchestration.Testing.Tests.Fleets;

[Collection(EngineCollection.Name)]
public sealed class TestFleetTests(EngineFixture engine, ITestOutputHelper output)
{
    [Fact]
    public async Task A_fleet_starts_ready_serves_on_its_endpoints_and_is_removed_on_dispose()
    {
        var fleet = await TestFleet.StartAsync(b => b
            .AddWorkload("web", w => w.Image(EngineFixture.Image).PullPolicy(PullPolicy.Never).Replicas(2).Port("http", 8080).Readiness(Probe.Http("/")))
            .AddWorkload("cache", w => w.Image(EngineFixture.Image).PullPolicy(PullPolicy.Never).Port("tcp", 8080).Readiness(Probe.Tcp("tcp"))));
        var label = $"io.orchestration.fleet={fleet.Name}";
        try
        {
            Assert.Matches("^t-[0-9a-f]{10}$", fleet.Name);
            Assert.Equal(2, fleet.Endpoints("web", "http").Count);
            using var http = new HttpClient();
            Assert.Equal("ok", (await http.GetStringAsync(fleet.Endpoint("web", "http"))).Trim());
            Assert.Equal("tcp", fleet.Endpoint("cache", "tcp", scheme: "tcp").Scheme);
            Assert.Contains("(its workloads: web, cache)", Assert.Throws<ArgumentException>(() => fleet.Endpoint("nope", "http")).Message);
            Assert.Contains("ports are 'http'", Assert.Throws<InvalidOperationException>(() => fleet.Endpoint("web", "grpc")).Message);
            Assert.Equal(4, (await engine.LabelledAsync(label)).Count);
        }
        finally
        {
            var clock = Stopwatch.StartNew();
            await fleet.DisposeAsync();
            output.WriteLine($"dispose of 3 containers and a network took {clock.Elapsed.TotalSeconds:0.0} s");
        }

        // The watchdog removes them in the background.
        var took = await Eventually.HoldsAsync(async () => (await engine.LabelledAsync(label)).Count == 0, TimeSpan.FromSeconds(30), async () => string.Join(", ", await engine.LabelledAsync(label)));
        output.WriteLine($"removed {took.TotalSeconds:0.0} s after dispose returned");
    }

    [Fact]
    public async Task Without_background_removal_dispose_returns_once_everything_is_removed()
    {
        var fleet = await TestFleet.StartAsync(
            b => b.AddWorkload("web", w => w.Image(EngineFixture.Image).PullPolicy(PullPolicy.Never).Replicas(2).Port("http", 8080)),
            new TestFleetOptions { RemoveInBackground = false });
        Assert.Equal(3, (await engine.LabelledAsync($"io.orchestration.fleet={fleet.Name}")).Count);

        await fleet.DisposeAsync();

        Assert.Empty(await engine.LabelledAsync($"io.orchestration.fleet={fleet.Name}"));
    }

    [Fact]
    public async Task A_fleet_that_is_not_ready_in_time_fails_with_exit_codes_and_logs_and_is_removed()
    {
        var options = new TestFleetOptions { ReadyTimeout = TimeSpan.FromSeconds(20) };

        var error = await Assert.ThrowsAsync<FleetNotReadyException>(() => TestFleet.StartAsync(
            b => b
                .AddWorkload("fine", w => w.Image(EngineFixture.Image).PullPolicy(PullPolicy.Never).Port("http", 8080))
                .AddWorkload("crash", w => w.Image(EngineFixture.Image).PullPolicy(PullPolicy.Never).Port("http", 8080).Readiness(Probe.Http("/"))
                    .Command("sh", "-c", "echo boom-before-exit; exit 3")),
            options));

        output.WriteLine(error.Message);
        Assert.Contains("was not ready within 20 s", error.Message);
        Assert.Contains("- crash (Service)", error.Message);
        Assert.Contains("last exit code 3", error.Message);
        Assert.Contains("boom-before-exit", error.Message);
        Assert.DoesNotContain("- fine", error.Message);
        var label = $"io.orchestration.fleet={error.Status.Name}";
        await Eventually.HoldsAsync(async () => (await engine.LabelledAsync(label)).Count == 0, TimeSpan.FromSeconds(30), async () => string.Join(", ", await engine.LabelledAsync(label)));
    }

    [Fact]
    public async Task A_failing_readiness_probe_is_named_in_the_failure()
    {
        var error = await Assert.ThrowsAsync<FleetNotReadyException>(() => TestFleet.StartAsync(
            b => b.AddWorkload("web", w => w.Image(EngineFixture.Image).PullPolicy(PullPolicy.Never).Port("http", 8080).Readiness(Probe.Http("/missing") with { Period = TimeSpan.FromMilliseconds(250), FailureThreshold = 1 })),
            new TestFleetOptions { ReadyTimeout = TimeSpan.FromSeconds(20) }));

        output.WriteLine(error.Message);
        Assert.Contains("- web (Service): Progressing, 0 of 1 ready", error.Message);
        Assert.Contains("reason: readiness probe failed: status 404", error.Message);
    }

    [Fact]
    public async Task Fleets_started_in_parallel_get_their_own_names_and_containers()
    {
        static Task<TestFleet> Start() => TestFleet.StartAsync(b => b.AddWorkload("web", w => w.Image(EngineFixture.Image).PullPolicy(PullPolicy.Never).Port("http", 8080)));

        var fleets = await Task.WhenAll(Start(), Start());
        try
        {
            Assert.NotEqual(fleets[0].Name, fleets[1].Name);
            Assert.Equal(fleets[0].Session, fleets[1].Session);
            Assert.NotEqual(fleets[0].Endpoint("web", "http"), fleets[1].Endpoint("web", "http"));
        }
        finally
        {
            await Task.WhenAll(fleets.Select(f => f.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task A_missing_engine_fails_the_start_with_a_clear_message()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestFleet.StartAsync(b => b
            .AddWorkload("web", w => w.Image(EngineFixture.Image))
            .ConfigureDocker(o => o.Nodes.Add(new DockerNodeOptions { Name = "gone", Endpoint = "unix:///nonexistent/docker.sock" }))));

        Assert.Contains("No Docker engine answers at unix:///nonexistent/docker.sock", error.Message);
    }

    [Fact]
    public async Task Invalid_workloads_fail_before_anything_is_created()
    {
        await Assert.ThrowsAsync<SpecValidationException>(() => TestFleet.StartAsync(b => b.AddWorkload("web", w => w.Image(EngineFixture.Image).Replicas(-1))));
    }
}
