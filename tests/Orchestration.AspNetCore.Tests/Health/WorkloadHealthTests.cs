using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orchestration.AspNetCore.Health;

namespace Orchestration.AspNetCore.Tests.Health;

public sealed class WorkloadHealthTests
{
    [Fact]
    public void A_service_with_every_replica_ready_on_its_revision_is_healthy()
        => Assert.Equal(HealthStatus.Healthy, WorkloadHealth.Of(Service(Replica("a"), Replica("b"))).Status);

    [Fact]
    public void A_replica_waiting_to_restart_degrades_the_workload()
    {
        var verdict = WorkloadHealth.Of(Service(Replica("a"), Replica("b") with { Phase = ReplicaPhase.BackOff, Ready = false, Restarts = 3 }) with { Ready = 1 });
        Assert.Equal(HealthStatus.Degraded, verdict.Status);
        Assert.Equal("1 replica(s) waiting to restart", verdict.Reason);
        Assert.Equal(3, verdict.Data["restarts"]);
    }

    [Fact]
    public void Replicas_of_an_older_revision_mean_a_rollout_is_in_progress()
    {
        var verdict = WorkloadHealth.Of(Service(Replica("a"), Replica("b") with { Revision = "old" }) with { Updated = 1 });
        Assert.Equal(HealthStatus.Degraded, verdict.Status);
        Assert.Equal("rolling out revision r2: 1/2 updated", verdict.Reason);
    }

    [Fact]
    public void A_paused_rollout_is_degraded_and_no_ready_replica_is_unhealthy()
    {
        Assert.Equal(HealthStatus.Degraded, WorkloadHealth.Of(Service(Replica("a"), Replica("b")) with { Phase = WorkloadPhase.Paused }).Status);
        var down = WorkloadHealth.Of(Service(Replica("a") with { Ready = false, Phase = ReplicaPhase.BackOff }) with { Desired = 1, Ready = 0, Updated = 1 });
        Assert.Equal(HealthStatus.Unhealthy, down.Status);
        Assert.Equal("no ready replica of 1", down.Reason);
    }

    [Fact]
    public void A_service_scaled_to_zero_is_healthy_and_a_failed_job_is_not()
    {
        Assert.Equal(HealthStatus.Healthy, WorkloadHealth.Of(Service() with { Desired = 0, Ready = 0, Updated = 0 }).Status);
        Assert.Equal(HealthStatus.Unhealthy, WorkloadHealth.Of(Service() with { Kind = WorkloadKind.Job, Phase = WorkloadPhase.Failed }).Status);
        Assert.Equal(HealthStatus.Healthy, WorkloadHealth.Of(Service() with { Kind = WorkloadKind.Job, Phase = WorkloadPhase.Progressing, Ready = 0 }).Status);
    }

    private static WorkloadStatus Service(params ReplicaStatus[] replicas) => new()
    {
        Name = "web",
        Kind = WorkloadKind.Service,
        Phase = WorkloadPhase.Available,
        Revision = "r2",
        Desired = 2,
        Ready = replicas.Count(r => r.Ready),
        Available = replicas.Count(r => r.Ready),
        Updated = 2,
        Replicas = [.. replicas],
    };

    private static ReplicaStatus Replica(string id) => new() { Id = id, Workload = "web", Revision = "r2", Phase = ReplicaPhase.Running, Ready = true, Node = "local" };
}
