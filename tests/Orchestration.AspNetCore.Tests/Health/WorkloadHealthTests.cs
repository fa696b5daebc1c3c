using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orchestration.AspNetCore.Health;

namespace Orchestration.AspNetCore.Tests.Health;

public sealed class WorkloadHealthTests
{
    [Fact]
    public void A_service_with_every_replica_ready_on_its_revision_is_healthy()
        => Assert.Equal(HealthStatus.Healthy, WorkloadHealth.Of(Service([Replica("a"), Replica("b")])).Status);

    [Fact]
    public void A_replica_waiting_to_restart_degrades_the_workload()
    {
        var verdict = WorkloadHealth.Of(Service([Replica("a"), Replica("b", ReplicaPhase.BackOff, ready: false, restarts: 3)], ready: 1));
        Assert.Equal(HealthStatus.Degraded, verdict.Status);
        Assert.Equal("1 replica(s) waiting to restart", verdict.Reason);
        Assert.Equal(3, verdict.Data["restarts"]);
    }

    [Fact]
    public void Replicas_of_an_older_revision_mean_a_rollout_is_in_progress()
    {
        var verdict = WorkloadHealth.Of(Service([Replica("a"), Replica("b", revision: "old")], updated: 1));
        Assert.Equal(HealthStatus.Degraded, verdict.Status);
        Assert.Equal("rolling out revision r2: 1/2 updated", verdict.Reason);
    }

    [Fact]
    public void A_paused_rollout_is_degraded_and_no_ready_replica_is_unhealthy()
    {
        Assert.Equal(HealthStatus.Degraded, WorkloadHealth.Of(Service([Replica("a"), Replica("b")], phase: WorkloadPhase.Paused)).Status);
        var down = WorkloadHealth.Of(Service([Replica("a", ReplicaPhase.BackOff, ready: false)], desired: 1, ready: 0, updated: 1));
        Assert.Equal(HealthStatus.Unhealthy, down.Status);
        Assert.Equal("no ready replica of 1", down.Reason);
    }

    [Fact]
    public void A_service_scaled_to_zero_is_healthy_and_a_failed_job_is_not()
    {
        Assert.Equal(HealthStatus.Healthy, WorkloadHealth.Of(Service([], desired: 0, ready: 0, updated: 0)).Status);
        Assert.Equal(HealthStatus.Unhealthy, WorkloadHealth.Of(Service([], WorkloadKind.Job, WorkloadPhase.Failed)).Status);
        Assert.Equal(HealthStatus.Healthy, WorkloadHealth.Of(Service([], WorkloadKind.Job, WorkloadPhase.Progressing, ready: 0)).Status);
    }

    private static WorkloadStatus Service(
        ReplicaStatus[] replicas, WorkloadKind kind = WorkloadKind.Service, WorkloadPhase phase = WorkloadPhase.Available, int desired = 2, int? ready = null, int updated = 2) => new()
    {
        Name = "web",
        Kind = kind,
        Phase = phase,
        Revision = "r2",
        Desired = desired,
        Ready = ready ?? replicas.Count(r => r.Ready),
        Available = replicas.Count(r => r.Ready),
        Updated = updated,
        Replicas = [.. replicas],
    };

    private static ReplicaStatus Replica(string id, ReplicaPhase phase = ReplicaPhase.Running, bool ready = true, int restarts = 0, string revision = "r2")
        => new() { Id = id, Workload = "web", Revision = revision, Phase = phase, Ready = ready, Restarts = restarts, Node = "local" };
}
