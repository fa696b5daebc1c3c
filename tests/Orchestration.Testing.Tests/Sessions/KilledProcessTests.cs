using System.Diagnostics;
using Orchestration.TestSupport;
using Orchestration.Testing.Tests.Infrastructure;
using Orchestration.Testing.Watchdog;
using Xunit.Abstractions;

namespace Orchestration.Testing.Tests.Sessions;

/// <summary>The guarantee: a test process killed with SIGKILL leaves nothing behind, through its watchdog within
/// 30 seconds, or, when the watchdog was killed too, at the next harness start.</summary>
[Collection(EngineCollection.Name)]
public sealed class KilledProcessTests(EngineFixture engine, ITestOutputHelper output)
{
    private static readonly TimeSpan Guarantee = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_killed_process_with_a_three_container_fleet_leaves_nothing_within_30_seconds()
    {
        using var child = await ChildProcess.StartAsync("fleet");
        var label = $"{SessionLabel.Key}={child.Session}";
        var before = await engine.LabelledAsync(label);
        Assert.Equal(3, before.Count(x => x.StartsWith("container", StringComparison.Ordinal)));
        Assert.Single(before, x => x.StartsWith("network", StringComparison.Ordinal));

        child.Kill();

        var took = await Eventually.HoldsAsync(async () => (await engine.LabelledAsync(label)).Count == 0, Guarantee, async () => string.Join(", ", await engine.LabelledAsync(label)));
        output.WriteLine($"fleet {child.Fleet}: everything removed {took.TotalSeconds:0.0} s after SIGKILL");
        Assert.Empty(await engine.LabelledAsync($"io.orchestration.fleet={child.Fleet}"));
    }

    [Fact]
    public async Task A_killed_process_with_containers_created_directly_leaves_nothing_within_30_seconds()
    {
        using var child = await ChildProcess.StartAsync("raw");
        var label = $"{SessionLabel.Key}={child.Session}";
        Assert.Equal(4, (await engine.LabelledAsync(label)).Count);

        child.Kill();

        var took = await Eventually.HoldsAsync(async () => (await engine.LabelledAsync(label)).Count == 0, Guarantee, async () => string.Join(", ", await engine.LabelledAsync(label)));
        output.WriteLine($"labelled containers: everything removed {took.TotalSeconds:0.0} s after SIGKILL");
    }

    [Fact]
    public async Task When_the_watchdog_is_killed_too_the_next_harness_start_removes_what_is_left()
    {
        using var child = await ChildProcess.StartAsync("fleet");
        var label = $"{SessionLabel.Key}={child.Session}";
        using (var watchdog = Process.GetProcessById(child.WatchdogProcessId))
        {
            watchdog.Kill();
            await watchdog.WaitForExitAsync();
        }

        child.Kill();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.NotEmpty(await engine.LabelledAsync(label));

        var clock = Stopwatch.StartNew();
        await using (var next = await TestFleet.StartAsync(b => b.AddWorkload("web", w => w.Image(EngineFixture.Image).PullPolicy(PullPolicy.Never).Port("http", 8080))))
        {
            output.WriteLine($"next harness start took {clock.Elapsed.TotalSeconds:0.0} s");
            Assert.Empty(await engine.LabelledAsync(label));
        }
    }
}
