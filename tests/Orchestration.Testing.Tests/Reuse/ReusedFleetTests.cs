using System.Diagnostics;
using Orchestration.TestSupport;
using Orchestration.Testing.Tests.Infrastructure;
using Orchestration.Testing.Watchdog;
using Xunit.Abstractions;

namespace Orchestration.Testing.Tests.Reuse;

/// <summary>Kept fleets: one per key, adopted when unchanged, made anew when changed, never seen half-made by a
/// concurrent start, and removed by a watchdog once idle, also after SIGKILL.</summary>
[Collection(EngineCollection.Name)]
public sealed class ReusedFleetTests(EngineFixture engine, ITestOutputHelper output)
{
    [Fact]
    public async Task Two_processes_starting_one_key_at_once_share_one_ready_fleet_which_goes_after_the_idle_period_once_both_are_killed()
    {
        var key = $"k{Guid.NewGuid():n}"[..12];
        var label = $"{ReuseDirectory.ReuseLabel}={key}";
        const int IdleSeconds = 5;
        try
        {
            var starts = await Task.WhenAll(ChildProcess.StartAsync("reuse", key, $"{IdleSeconds}"), ChildProcess.StartAsync("reuse", key, $"{IdleSeconds}"));
            using var first = starts[0];
            using var second = starts[1];
            output.WriteLine($"first: {string.Join(' ', first.Rest)}; second: {string.Join(' ', second.Rest)}");

            // Both saw it whole: every replica ready, the same containers; one made it and the other adopted it.
            Assert.Equal(first.Fleet, second.Fleet);
            Assert.Equal("3", first.Rest[1]);
            Assert.Equal("3", second.Rest[1]);
            Assert.Equal(first.Rest[2], second.Rest[2]);
            Assert.Equal(["False", "True"], new[] { first.Rest[0], second.Rest[0] }.Order());
            var made = await engine.LabelledAsync(label);
            Assert.Equal(3, made.Count(x => x.StartsWith("container", StringComparison.Ordinal)));
            Assert.Single(made, x => x.StartsWith("network", StringComparison.Ordinal));

            first.Kill();
            second.Kill();
            var clock = Stopwatch.StartNew();

            // Kept through the idle period (it counts from the end of the last user)...
            Assert.Equal(4, (await engine.LabelledAsync(label)).Count);

            // ...then removed by a watchdog of the killed processes.
            var took = await Eventually.HoldsAsync(async () => (await engine.LabelledAsync(label)).Count == 0, TimeSpan.FromSeconds(IdleSeconds + 30), async () => string.Join(", ", await engine.LabelledAsync(label)));
            output.WriteLine($"removed {took.TotalSeconds:0.0} s after both were killed (idle period {IdleSeconds} s)");
            Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(IdleSeconds - 1), $"removed after {clock.Elapsed.TotalSeconds:0.0} s, before the idle period of {IdleSeconds} s");
        }
        finally
        {
            await engine.RemoveLabelledAsync(label);
        }
    }

    [Fact]
    public async Task An_unchanged_fleet_is_adopted_and_reset_and_a_changed_one_is_made_anew()
    {
        var key = $"k{Guid.NewGuid():n}"[..12];
        var label = $"{ReuseDirectory.ReuseLabel}={key}";
        var options = new TestFleetOptions { ReuseKey = key, ReuseIdleTimeout = TimeSpan.FromMinutes(1) };
        void Web(TestFleetBuilder b, string image) => b
            .AddWorkload("web", w => w.Image(image).PullPolicy(PullPolicy.Never).Replicas(2).Port("http", 8080).Readiness(Probe.Http("/")))
            .ResetWith("web", "sh", "-c", "echo reset > /tmp/reset");
        try
        {
            string[] firstIds;
            await using (var made = await TestFleet.StartAsync(b => Web(b, EngineFixture.Image), options))
            {
                Assert.False(made.Reused);
                Assert.Equal($"t-{key}", made.Name);
                firstIds = ContainerIds(made);
                await Assert.ThrowsAsync<InvalidOperationException>(() => made.ExecAsync("web", ["cat", "/tmp/reset"]));
            }

            Assert.Equal(3, (await engine.LabelledAsync(label)).Count);

            var clock = Stopwatch.StartNew();
            await using (var adopted = await TestFleet.StartAsync(b => Web(b, EngineFixture.Image), options))
            {
                output.WriteLine($"adopted in {clock.Elapsed.TotalMilliseconds:0} ms");
                Assert.True(adopted.Reused);
                Assert.Equal(firstIds, ContainerIds(adopted));
                Assert.All(await adopted.ExecAsync("web", ["cat", "/tmp/reset"]), r => Assert.Equal("reset", r.Output.Trim()));
                using var http = new HttpClient();
                Assert.Equal("ok", (await http.GetStringAsync(adopted.Endpoint("web", "http"))).Trim());
            }

            await using (var changed = await TestFleet.StartAsync(b => Web(b, "orchestration/busybox:2"), options))
            {
                Assert.False(changed.Reused);
                Assert.Empty(ContainerIds(changed).Intersect(firstIds));
                Assert.Equal(2, changed.Endpoints("web", "http").Count);
            }

            Assert.Equal(3, (await engine.LabelledAsync(label)).Count);
        }
        finally
        {
            await engine.RemoveLabelledAsync(label);
        }
    }

    [Fact]
    public void A_reuse_key_must_be_a_dns_label_and_needs_the_watchdog()
    {
        var options = new TestFleetOptions { ReuseKey = "Bad_Key", Watchdog = false, ReuseIdleTimeout = TimeSpan.Zero };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(
            "Invalid TestFleetOptions: ReuseKey must be 1 to 40 lowercase letters, digits or '-', starting and ending with a letter or digit (was 'Bad_Key'); ReuseKey requires Watchdog: the watchdog removes kept fleets once idle (was 'Bad_Key' with Watchdog off); ReuseIdleTimeout must be positive (was 00:00:00).",
            error.Message);
    }

    private static string[] ContainerIds(TestFleet fleet)
        => [.. fleet.Orchestrator.GetStatus()["web"]!.Replicas.Select(r => r.ContainerId!).Order(StringComparer.Ordinal)];
}
