using Orchestration;
using Orchestration.Testing;
using Xunit.Abstractions;

namespace HarnessSample.Tests;

/// <summary>Container output in the test's own output: every line the fleet's containers write, and, when a fleet never
/// becomes ready, the failing replica's last lines (run with <c>--logger "console;verbosity=detailed"</c> to see the
/// output of passing tests).</summary>
public sealed class ContainerOutputTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Container_log_lines_appear_in_the_test_output()
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var fleet = await TestFleet.StartAsync(b => b
            .AddWorkload("api", w => w
                .Image("orchestration/busybox:1")
                .PullPolicy(PullPolicy.Never)
                .Port("http", 8080)
                .Readiness(Probe.Http("/"))
                .Command("sh", "-c", "echo api: loading settings; echo api: listening on 8080; exec httpd -f -p 8080 -h /www"))
            .WriteLogsTo(output.WriteLine)
            .WriteLogsTo(line =>
            {
                if (line.EndsWith("api: listening on 8080", StringComparison.Ordinal))
                {
                    seen.TrySetResult();
                }
            }));

        await seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(fleet.CapturedLogs("api"), l => l.Text == "api: loading settings");
    }

    [Fact]
    public async Task A_fleet_that_never_becomes_ready_shows_the_failing_replicas_last_lines()
    {
        var error = await Assert.ThrowsAsync<FleetNotReadyException>(() => TestFleet.StartAsync(
            b => b
                .AddWorkload("db", w => w
                    .Image("orchestration/busybox:1")
                    .PullPolicy(PullPolicy.Never)
                    // An exec probe: a TCP probe of a published port can be answered by the engine's port proxy
                    // while the container that would serve it is still starting up or already gone.
                    .Readiness(Probe.Exec("test", "-f", "/tmp/ready"))
                    .Command("sh", "-c", "echo db: reading /etc/db.conf; echo 'db: fatal: no such file'; exit 1"))
                .WriteLogsTo(output.WriteLine),
            new TestFleetOptions { ReadyTimeout = TimeSpan.FromSeconds(15) }));

        // The report (written to the output above as well) names the replica, its exit code and its last lines.
        Assert.Contains("- db (Service)", error.Message);
        Assert.Contains("db: fatal: no such file", error.Message);
    }
}
