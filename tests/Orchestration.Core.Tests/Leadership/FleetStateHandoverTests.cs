using Microsoft.Extensions.DependencyInjection;
using Orchestration.Events;
using Orchestration.InMemory;
using Orchestration.Leadership;
using Orchestration.Reconciliation;
using Orchestration.Rollout;
using Orchestration.Tests.Support;

namespace Orchestration.Tests.Leadership;

/// <summary>The control plane's state goes from one orchestrator to the next through a snapshot's JSON text alone: the
/// instance that restores it as leader holds the desired fleet, every revision history with its rollout state, and
/// each cron job's last schedule time the other had.</summary>
public sealed class FleetStateHandoverTests
{
    private static WorkloadSpec Web(string image, int replicas = 3) => FleetHarness.Service("web", replicas, w => w.Image(image));

    private static WorkloadSpec Report() => new WorkloadBuilder("report").Image("report:1").CronJob("*/10 * * * * *").Build();

    private static FleetSpec Fleet(params WorkloadSpec[] workloads) => new() { Name = "test", Workloads = [.. workloads] };

    [Fact]
    public async Task An_orchestrator_that_restores_a_captured_snapshot_as_leader_holds_the_state_that_was_captured()
    {
        await using var first = await FleetHarness.StartAsync(n => n.AddNodes(2), Web("app:1"), Report());
        first.Runtime.SetImageBehavior("report:1", new ImageBehavior(TimeSpan.FromSeconds(1), 0));
        await first.AdvanceAsync(TimeSpan.FromSeconds(11), TimeSpan.FromSeconds(1));
        Assert.NotEmpty(first.EventsOf<CronJobRunStarted>());
        await first.Orchestrator.ApplyAsync(Fleet(Web("app:2"), Report()));
        await first.UntilAsync(s => s["web"]!.Phase == WorkloadPhase.Available && s["web"]!.Updated == 3);
        await first.Orchestrator.ApplyAsync(Fleet(Web("app:3", replicas: 5), Report()));
        await first.Orchestrator.PauseRolloutAsync("web");
        var captured = first.Services.GetRequiredService<IFleetStateHandover>().Capture().ToJson();

        // Another instance, started with the same registrations, on engines of its own.
        await using var next = await FleetHarness.StartAsync(n => n.AddNodes(2), Web("app:1"), Report());
        var handover = next.Services.GetRequiredService<IFleetStateHandover>();
        handover.RestoreAsLeader(FleetStateSnapshot.FromJson(captured));

        Assert.Equal(captured, handover.Capture().ToJson());
        Assert.Equal(
            first.Orchestrator.DesiredState!.Workloads.Select(w => (w.Name, w.Revision, w.Image, w.Replicas)),
            next.Orchestrator.DesiredState!.Workloads.Select(w => (w.Name, w.Revision, w.Image, w.Replicas)));
        Assert.Equal(5, next.Orchestrator.DesiredState.Find("web")!.Replicas);
        foreach (var workload in new[] { "web", "report" })
        {
            Assert.Equal(
                first.Orchestrator.GetRevisionHistory(workload).Select(r => (r.Number, r.Revision, r.Spec.Image, r.IsCurrent)),
                next.Orchestrator.GetRevisionHistory(workload).Select(r => (r.Number, r.Revision, r.Spec.Image, r.IsCurrent)));
        }

        Assert.Equal([1, 2, 3], next.Orchestrator.GetRevisionHistory("web").Select(r => r.Number));
        var (kept, restored) = (first.Services.GetRequiredService<RolloutStore>().Of("web"), next.Services.GetRequiredService<RolloutStore>().Of("web"));
        Assert.NotNull(restored.PausedReason);
        Assert.Equal(kept.PausedReason, restored.PausedReason);
        Assert.NotNull(restored.LastGood);
        Assert.Equal(kept.LastGood, restored.LastGood);
        Assert.Equal(kept.NextNumber, restored.NextNumber);
        var keptMark = first.Services.GetRequiredService<CronScheduleMarks>().Get("report");
        Assert.NotNull(keptMark);
        Assert.Equal(keptMark, next.Services.GetRequiredService<CronScheduleMarks>().Get("report"));

        // The restored rollout stays paused where it was, and a new revision continues the numbering.
        await next.UntilAsync(s => s["web"]!.Phase == WorkloadPhase.Paused);
        await next.Orchestrator.ResumeRolloutAsync("web");
        await next.Orchestrator.ApplyAsync(Fleet(Web("app:4", replicas: 5), Report()));
        Assert.Equal(4, next.Orchestrator.GetRevisionHistory("web").Single(r => r.IsCurrent).Number);
    }

    [Fact]
    public async Task A_leader_started_with_a_changed_fleet_rolls_it_out_on_top_of_the_kept_history_and_a_follower_serves_the_kept_fleet()
    {
        await using var first = await FleetHarness.StartAsync(n => n.AddNodes(1), Web("app:1"));
        var captured = first.Services.GetRequiredService<IFleetStateHandover>().Capture().ToJson();

        await using var leader = await FleetHarness.StartAsync(n => n.AddNodes(1), Web("app:2"));
        leader.Services.GetRequiredService<IFleetStateHandover>().RestoreAsLeader(FleetStateSnapshot.FromJson(captured));
        Assert.Equal("app:2", leader.Orchestrator.DesiredState!.Find("web")!.Image);
        leader.Services.GetRequiredService<WakeRequests>().WakeWorkloads(); // as leadership changes do
        await leader.SettleAsync();
        Assert.Equal([(1, "app:1"), (2, "app:2")], leader.Orchestrator.GetRevisionHistory("web").Select(r => (r.Number, r.Spec.Image)));

        await using var follower = await FleetHarness.StartAsync(n => n.AddNodes(1), Web("app:2"));
        follower.Services.GetRequiredService<IFleetStateHandover>().RestoreAsFollower(FleetStateSnapshot.FromJson(captured));
        Assert.Equal("app:1", follower.Orchestrator.DesiredState!.Find("web")!.Image);
    }

    [Fact]
    public void A_kept_cron_mark_never_takes_back_a_later_one_and_only_a_moved_mark_or_desired_fleet_signals_a_change()
    {
        var (desired, cron) = (new Orchestration.State.DesiredStateStore(), new CronScheduleMarks());
        using var handover = new FleetStateHandover(desired, new RolloutStore(), cron);
        Assert.True(desired.TryReplace(null, Fleet(Web("app:1"))));
        handover.RememberRegistered();
        var changes = 0;
        using var subscription = Microsoft.Extensions.Primitives.ChangeToken.OnChange(handover.GetChangeToken, () => changes++);
        var mark = new DateTimeOffset(2026, 12, 2, 5, 0, 0, TimeSpan.Zero);
        cron.Set("report", mark);
        cron.Set("report", mark);
        Assert.Equal(1, changes);
        var kept = FleetStateSnapshot.FromJson(handover.Capture().ToJson());

        cron.Set("report", mark.AddMinutes(1));
        handover.RestoreAsFollower(kept);
        Assert.Equal(mark.AddMinutes(1), cron.Get("report"));
        Assert.True(desired.TryReplace(desired.Current, Fleet(Web("app:2"))));
        Assert.Equal(3, changes);
    }

    [Theory]
    [InlineData("{\"Version\":2,\"RegisteredKey\":\"\",\"Fleet\":null,\"Histories\":{}}", "Version is 2")]
    [InlineData("{\"RegisteredKey\":\"\",\"Fleet\":null,\"Histories\":{}}", "Version is 0")]
    [InlineData("null", "null")]
    [InlineData("{\"Version\":", "not a JSON fleet state document")]
    public void Text_that_is_not_a_snapshot_of_this_version_is_refused_with_what_is_wrong(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => FleetStateSnapshot.FromJson(json));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
