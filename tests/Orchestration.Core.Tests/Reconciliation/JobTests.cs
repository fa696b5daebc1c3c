using Orchestration.Events;
using Orchestration.InMemory;
using Orchestration.Runtime;
using Orchestration.Tests.Support;

namespace Orchestration.Tests.Reconciliation;

public sealed class JobTests
{
    [Fact]
    public async Task A_job_with_three_completions_and_parallelism_two_completes()
    {
        var job = new WorkloadBuilder("migrate").Image("migrate:1").Job(completions: 3, parallelism: 2).Build();
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(3));
        fleet.Runtime.SetImageBehavior("migrate:1", new ImageBehavior(TimeSpan.FromSeconds(5), ExitCode: 0));
        await fleet.Orchestrator.ApplyAsync(new FleetSpec { Name = "test", Workloads = [job] });

        var maxRunning = 0;
        var status = await fleet.UntilAsync(s =>
        {
            maxRunning = Math.Max(maxRunning, fleet.Running("migrate").Count);
            return s["migrate"]!.Phase == WorkloadPhase.Completed;
        }, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1));

        Assert.Equal(2, maxRunning);
        Assert.Equal(3, status["migrate"]!.Succeeded);
        Assert.Equal(0, status["migrate"]!.Failed);
        Assert.Equal(3, status["migrate"]!.Replicas.Count(r => r.Phase == ReplicaPhase.Succeeded));
        Assert.Single(fleet.EventsOf<JobCompleted>());
        Assert.Empty(fleet.Running("migrate"));
    }

    [Fact]
    public async Task A_job_failing_more_often_than_its_backoff_limit_is_failed()
    {
        var job = new WorkloadBuilder("flaky").Image("flaky:1").Job(completions: 1, parallelism: 1, backoffLimit: 2).Build();
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(1));
        fleet.Runtime.SetImageBehavior("flaky:1", new ImageBehavior(TimeSpan.FromSeconds(1), ExitCode: 2));
        await fleet.Orchestrator.ApplyAsync(new FleetSpec { Name = "test", Workloads = [job] });

        var status = await fleet.UntilAsync(s => s["flaky"]!.Phase == WorkloadPhase.Failed, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1));
        Assert.Equal(3, status["flaky"]!.Failed);
        Assert.Equal(0, status["flaky"]!.Succeeded);
        var failed = Assert.Single(fleet.EventsOf<JobFailed>());
        Assert.Equal(2, failed.BackoffLimit);
        Assert.DoesNotContain(fleet.Runtime.Containers, c => c.State == ContainerState.Running);

        await fleet.AdvanceAsync(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5));
        Assert.Equal(3, fleet["flaky"].Failed);
    }
}
