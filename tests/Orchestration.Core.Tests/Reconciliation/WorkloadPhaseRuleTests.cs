using Orchestration.Reconciliation;

namespace Orchestration.Tests.Reconciliation;

/// <summary>The one phase rule the leader's status publisher and a follower's view both apply.</summary>
public class WorkloadPhaseRuleTests
{
    private static readonly WorkloadSpec Web = new() { Name = "web", Image = "busybox", Replicas = 3 };

    [Fact]
    public void A_service_is_available_only_when_exactly_its_desired_replicas_are_live_ready_and_current()
    {
        Assert.Equal(WorkloadPhase.Available, Phase(Web, all: 3, live: 3, ready: 3, updated: 3));
        Assert.Equal(WorkloadPhase.Progressing, Phase(Web, all: 3, live: 3, ready: 2, updated: 3));
        Assert.Equal(WorkloadPhase.Progressing, Phase(Web, all: 3, live: 3, ready: 3, updated: 2));
        Assert.Equal(WorkloadPhase.Progressing, Phase(Web, all: 4, live: 3, ready: 3, updated: 3)); // one still terminating
        Assert.Equal(WorkloadPhase.Progressing, Phase(Web, all: 2, live: 2, ready: 2, updated: 2));
    }

    [Fact]
    public void A_paused_rollout_pauses_services_and_stateful_sets_only()
    {
        Assert.Equal(WorkloadPhase.Paused, WorkloadPhaseRule.Of(Web, null, rolloutPaused: true, 3, 3, 3, 3, 3));
        var stateful = Web with { Kind = WorkloadKind.StatefulSet };
        Assert.Equal(WorkloadPhase.Paused, WorkloadPhaseRule.Of(stateful, null, rolloutPaused: true, 3, 3, 3, 3, 3));
        var daemons = Web with { Kind = WorkloadKind.DaemonSet };
        Assert.Equal(WorkloadPhase.Available, WorkloadPhaseRule.Of(daemons, null, rolloutPaused: true, 2, 2, 2, 2, 2));
    }

    [Fact]
    public void Jobs_and_cron_jobs_have_phases_of_their_own()
    {
        var job = Web with { Kind = WorkloadKind.Job, Job = new JobSpec { Completions = 2 } };
        Assert.Equal(2, WorkloadPhaseRule.Desired(job, live: 0));
        Assert.Equal(WorkloadPhase.Progressing, Phase(job, all: 2, live: 0, ready: 0, updated: 0));
        Assert.Equal(WorkloadPhase.Failed, WorkloadPhaseRule.Of(job, WorkloadPhase.Failed, false, 2, 2, 0, 0, 0));

        var cron = Web with { Kind = WorkloadKind.CronJob };
        Assert.Equal(0, WorkloadPhaseRule.Desired(cron, live: 1));
        Assert.Equal(WorkloadPhase.Available, Phase(cron, all: 1, live: 1, ready: 1, updated: 1));
        Assert.Equal(WorkloadPhase.Paused, Phase(cron with { CronJob = new CronJobSpec { Schedule = "* * * * *", Suspend = true } }, all: 0, live: 0, ready: 0, updated: 0));
    }

    [Fact]
    public void A_daemon_set_wants_as_many_replicas_as_it_runs()
        => Assert.Equal(5, WorkloadPhaseRule.Desired(Web with { Kind = WorkloadKind.DaemonSet }, live: 5));

    private static WorkloadPhase Phase(WorkloadSpec spec, int all, int live, int ready, int updated)
        => WorkloadPhaseRule.Of(spec, null, rolloutPaused: false, WorkloadPhaseRule.Desired(spec, live), all, live, ready, updated);
}
