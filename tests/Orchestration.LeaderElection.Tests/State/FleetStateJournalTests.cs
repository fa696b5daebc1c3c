using Orchestration.LeaderElection.State;
using Orchestration.Reconciliation;
using Orchestration.Rollout;
using Orchestration.State;

namespace Orchestration.LeaderElection.Tests.State;

public sealed class FleetStateJournalTests
{
    private static FleetSpec Fleet(string image, int replicas = 3) => new FleetBuilder("shop")
        .AddWorkload("web", w => w
            .Image(image)
            .Replicas(replicas)
            .Port("http", 8080)
            .Env("MODE", "demo")
            .Secret("DB_PASSWORD", "db-password")
            .Requests(cpu: "250m", memory: "64Mi")
            .Limits(memory: "128Mi", pids: 64)
            .Readiness(Probe.Http("/") with { InitialDelay = TimeSpan.FromSeconds(1) })
            .Liveness(Probe.Tcp("http"))
            .RollingUpdate(maxSurge: IntOrPercent.FromCount(1), progressDeadline: TimeSpan.FromMinutes(2))
            .Tmpfs("/tmp"))
        .AddWorkload("db", w => w.Image("orchestration/busybox:1").StatefulSet(2).VolumeTemplate("data", "/data"))
        .Build();

    [Fact]
    public void The_next_leader_continues_the_revision_numbers_the_desired_fleet_and_the_rollout_state()
    {
        var (desired, rollouts) = (new DesiredStateStore(), new RolloutStore());
        var journal = new FleetStateJournal(desired, rollouts, new CronScheduleMarks());
        Assert.True(desired.TryReplace(null, Fleet("shop/web:1")));
        journal.RememberRegistered();
        var web = rollouts.Of("web");
        web.Record(desired.Current!.Find("web")!);
        web.MarkGood(desired.Current.Find("web")!.Revision);
        Assert.True(desired.TryReplace(desired.Current, Fleet("shop/web:2")));
        web.Record(desired.Current!.Find("web")!);
        Assert.True(desired.TryReplace(desired.Current, Fleet("shop/web:3", replicas: 5)));
        web.Record(desired.Current!.Find("web")!);
        web.Pause("paused on request");
        var kept = journal.Capture();

        // Another instance, started with the same registrations (image 1).
        var (nextDesired, nextRollouts, nextCron) = (new DesiredStateStore(), new RolloutStore(), new CronScheduleMarks());
        Assert.True(nextDesired.TryReplace(null, Fleet("shop/web:1")));
        var next = new FleetStateJournal(nextDesired, nextRollouts, nextCron);
        next.RememberRegistered();
        next.Restore(kept, leading: true);

        Assert.Equal(desired.Current!.Find("web")!.Revision, nextDesired.Current!.Find("web")!.Revision);
        Assert.Equal(5, nextDesired.Current.Find("web")!.Replicas);
        Assert.Equal(desired.Current.Find("db")!.Revision, nextDesired.Current.Find("db")!.Revision);
        var restored = nextRollouts.Of("web");
        Assert.Equal(web.Entries.Select(e => (e.Number, e.Revision)), restored.Entries.Select(e => (e.Number, e.Revision)));
        Assert.Equal([1, 2, 3], restored.Entries.Select(e => e.Number));
        Assert.Equal(web.LastGood, restored.LastGood);
        Assert.Equal("paused on request", restored.PausedReason);
        Assert.Equal("shop/web:1", restored.Find("1")!.Spec.Image);
        Assert.Equal(TimeSpan.FromSeconds(1), restored.Find("1")!.Spec.Probes.Readiness!.InitialDelay);

        // A new revision continues the numbering.
        var entry = restored.Record(Fleet("shop/web:4").Find("web")!);
        Assert.Equal(4, entry.Number);
    }

    [Fact]
    public void An_instance_started_with_a_changed_fleet_rolls_it_out_on_top_of_the_kept_history()
    {
        var (desired, rollouts) = (new DesiredStateStore(), new RolloutStore());
        var journal = new FleetStateJournal(desired, rollouts, new CronScheduleMarks());
        Assert.True(desired.TryReplace(null, Fleet("shop/web:1")));
        journal.RememberRegistered();
        rollouts.Of("web").Record(desired.Current!.Find("web")!);
        var kept = journal.Capture();

        var (nextDesired, nextRollouts, nextCron) = (new DesiredStateStore(), new RolloutStore(), new CronScheduleMarks());
        Assert.True(nextDesired.TryReplace(null, Fleet("shop/web:2")));
        var next = new FleetStateJournal(nextDesired, nextRollouts, nextCron);
        next.RememberRegistered();
        next.Restore(kept, leading: true);

        Assert.Equal("shop/web:2", nextDesired.Current!.Find("web")!.Image);
        Assert.Equal(2, nextRollouts.Of("web").Record(nextDesired.Current.Find("web")!).Number);
    }

    [Fact]
    public void The_next_leader_continues_each_cron_jobs_schedule_from_its_kept_mark_which_only_moves_forward()
    {
        var (desired, rollouts, cron) = (new DesiredStateStore(), new RolloutStore(), new CronScheduleMarks());
        var journal = new FleetStateJournal(desired, rollouts, cron);
        Assert.True(desired.TryReplace(null, Fleet("shop/web:1")));
        journal.RememberRegistered();
        var saved = 0;
        journal.CronChanged += () => saved++;
        var mark = new DateTimeOffset(2026, 12, 2, 5, 0, 0, TimeSpan.Zero);
        cron.Set("report", mark);
        cron.Set("report", mark);
        Assert.Equal(1, saved);
        var kept = journal.Capture();

        var (nextDesired, nextRollouts, nextCron) = (new DesiredStateStore(), new RolloutStore(), new CronScheduleMarks());
        Assert.True(nextDesired.TryReplace(null, Fleet("shop/web:1")));
        var next = new FleetStateJournal(nextDesired, nextRollouts, nextCron);
        next.RememberRegistered();
        next.Restore(kept, leading: true);
        Assert.Equal(mark, nextCron.Get("report"));

        // A mark this instance moved further (a run it started) is not taken back by an older kept one.
        nextCron.Set("report", mark.AddMinutes(1));
        next.Restore(kept, leading: false);
        Assert.Equal(mark.AddMinutes(1), nextCron.Get("report"));
    }
}
