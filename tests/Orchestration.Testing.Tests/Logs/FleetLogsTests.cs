using System.Collections.Concurrent;
using Orchestration.Events;
using Orchestration.TestSupport;
using Orchestration.Testing.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Orchestration.Testing.Tests.Logs;

/// <summary>Container output reaches the test: written to attached writers, followed, and kept after a job's container
/// is gone; events are seen from the very first one.</summary>
[Collection(EngineCollection.Name)]
public sealed class FleetLogsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Container_output_is_written_to_the_test_output_followed_and_kept_after_a_job_ended()
    {
        var written = new ConcurrentQueue<string>();
        var events = new ConcurrentQueue<OrchestrationEvent>();
        await using var fleet = await TestFleet.StartAsync(b => b
            .AddWorkload("web", w => w.Image(EngineFixture.Image).PullPolicy(PullPolicy.Never).Port("http", 8080).Readiness(Probe.Http("/"))
                .Command("sh", "-c", "echo web-says-hello; trap 'exit 0' TERM; httpd -f -p 8080 -h /www & while true; do sleep 0.2; echo tick; done"))
            .AddWorkload("migrate", w => w.Image(EngineFixture.Image).PullPolicy(PullPolicy.Never).Job().Command("sh", "-c", "echo migrated-42-rows"))
            .WriteLogsTo(line => { written.Enqueue(line); output.WriteLine(line); })
            .OnEvent(events.Enqueue));

        await Eventually.HoldsAsync(() => Task.FromResult(written.Any(l => l.Contains("web-says-hello", StringComparison.Ordinal)) && written.Any(l => l.Contains("migrated-42-rows", StringComparison.Ordinal))), TimeSpan.FromSeconds(30), () => Task.FromResult(string.Join(" | ", written)));
        Assert.Contains(written, l => l.StartsWith("[web/", StringComparison.Ordinal) && l.EndsWith("] web-says-hello", StringComparison.Ordinal));

        // The job's output is kept with the fleet, whatever became of its container.
        Assert.Contains(fleet.CapturedLogs("migrate"), l => l.Text == "migrated-42-rows");

        // Following gives new lines as they are written.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var followed = new List<LogLine>();
        await foreach (var line in fleet.FollowLogsAsync("web", tail: 0, stop.Token))
        {
            followed.Add(line);
            if (followed.Count == 3)
            {
                break;
            }
        }

        Assert.All(followed, l => Assert.Equal("tick", l.Text));

        // Events from the very start: the first scheduling was seen by the builder's handler and is replayed later.
        Assert.Contains(events, e => e is ReplicaScheduled);
        var replayed = new List<OrchestrationEvent>();
        using (fleet.Events.Subscribe(replayed.Add))
        {
            Assert.Equal(events.First(), replayed.First());
        }
    }

    [Fact]
    public async Task A_failing_readiness_wait_writes_the_failing_replicas_last_lines_to_the_test_output()
    {
        var written = new ConcurrentQueue<string>();

        var error = await Assert.ThrowsAsync<FleetNotReadyException>(() => TestFleet.StartAsync(
            b => b
                .AddWorkload("crash", w => w.Image(EngineFixture.Image).PullPolicy(PullPolicy.Never).Port("http", 8080).Readiness(Probe.Http("/"))
                    .Command("sh", "-c", "echo config-file-missing; exit 4"))
                .WriteLogsTo(line => { written.Enqueue(line); output.WriteLine(line); }),
            new TestFleetOptions { ReadyTimeout = TimeSpan.FromSeconds(15) }));

        Assert.Contains("config-file-missing", error.Message);
        Assert.Contains(written, l => l.Contains("- crash (Service)", StringComparison.Ordinal) && l.Contains("config-file-missing", StringComparison.Ordinal));
    }
}
