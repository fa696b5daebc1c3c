using Orchestration.Reconciliation;
using Orchestration.Tests.Support;

namespace Orchestration.Tests.Hardening;

public class FailFastTests
{
    [Fact]
    public async Task An_image_absent_under_pull_policy_never_stalls_the_workload_at_once_and_waiting_fails_with_the_reason()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(1));
        fleet.Runtime.SetImageMissing("app:1");
        await fleet.Orchestrator.ApplyAsync(new FleetSpec { Name = "test", Workloads = [FleetHarness.Service("api", 2)] });
        await fleet.SettleAsync();

        Assert.Equal("Image 'app:1' is not available on node 'node-0': it is not on the node and the pull policy is Never", fleet["api"].StalledReason);
        var error = await Assert.ThrowsAsync<WorkloadStalledException>(() => fleet.Orchestrator.WaitForAsync(s => s["api"]!.Ready == 2, TimeSpan.FromHours(1)));
        Assert.Equal("api", error.Workload);
        Assert.Contains("pull policy is Never", error.Message, StringComparison.Ordinal);

        // Still retried: once the image is there the replicas start and the stall is gone.
        fleet.Runtime.SetImageMissing("app:1", missing: false);
        var status = await fleet.UntilAsync(s => s["api"]!.Ready == 2, TimeSpan.FromSeconds(31), TimeSpan.FromSeconds(1));
        Assert.Null(status["api"]!.StalledReason);
    }

    [Fact]
    public async Task A_condition_that_holds_is_returned_even_when_another_workload_is_stalled()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(1));
        fleet.Runtime.SetImageMissing("other:1");
        await fleet.Orchestrator.ApplyAsync(new FleetSpec
        {
            Name = "test",
            Workloads = [FleetHarness.Service("api", 1), FleetHarness.Service("other", 1) with { Image = "other:1" }],
        });
        await fleet.SettleAsync();

        var status = await fleet.Orchestrator.WaitForAsync(s => s["api"]!.Ready == 1, TimeSpan.FromHours(1));
        Assert.NotNull(status["other"]!.StalledReason);
    }

    [Fact]
    public void Start_failures_that_waiting_cannot_fix_are_told_apart_from_transient_ones()
    {
        Assert.StartsWith("a fixed host port is taken", PermanentFailures.Classify(new InvalidOperationException("driver failed programming external connectivity: Bind for 127.0.0.1:8080 failed: port is already allocated")));
        Assert.StartsWith("a fixed host port is taken", PermanentFailures.Classify(new Exception("outer", new Exception("listen tcp4 0.0.0.0:80: bind: address already in use"))));
        Assert.Null(PermanentFailures.Classify(new TimeoutException("the engine did not answer")));
        Assert.Null(PermanentFailures.Classify(new Runtime.ImageUnavailableException("a:1", "n", "the pull did not finish")));
        Assert.NotNull(PermanentFailures.Classify(new Runtime.ImageUnavailableException("a:1", "n", "the pull failed: not found") { Permanent = true }));
    }

    [Fact]
    public void A_taken_host_port_stalls_from_its_second_failure_in_a_row()
    {
        var record = new ReplicaRecord { Id = "a", Revision = "r", CreatedAt = DateTimeOffset.UnixEpoch };
        var taken = new InvalidOperationException("Bind for 127.0.0.1:8080 failed: port is already allocated");
        Assert.Null(PermanentFailures.OnStartFailure(record, taken));
        Assert.NotNull(PermanentFailures.OnStartFailure(record, taken));
        Assert.Null(PermanentFailures.OnStartFailure(record, new TimeoutException()));
        Assert.Null(PermanentFailures.OnStartFailure(record, taken));
    }
}
