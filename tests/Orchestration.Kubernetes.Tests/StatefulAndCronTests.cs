using k8s.Models;

namespace Orchestration.Kubernetes.Tests;

public sealed class StatefulAndCronTests
{
    [Fact]
    public void A_stateful_set_becomes_a_stateful_set_with_claims_ordering_partition_and_retention()
    {
        var e = Exported.Workload("db", w => w.Image("db:1").StatefulSet(3, PodManagementPolicy.Parallel).Port("pg", 5432)
            .VolumeTemplate("data", "/var/lib/db").VolumeRetention(VolumeRetention.Delete, VolumeRetention.Retain).Partition(1));

        var s = e.Single<V1StatefulSet>("db").Spec;
        Assert.Equal(3, s.Replicas);
        Assert.Equal("db-pods", s.ServiceName);
        Assert.Equal("Parallel", s.PodManagementPolicy);
        Assert.Equal(1, s.UpdateStrategy.RollingUpdate.Partition);
        Assert.Equal(("Delete", "Retain"), (s.PersistentVolumeClaimRetentionPolicy.WhenScaled, s.PersistentVolumeClaimRetentionPolicy.WhenDeleted));
        Assert.Equal("data", Assert.Single(s.VolumeClaimTemplates).Metadata.Name);
        Assert.Equal("/var/lib/db", Assert.Single(s.Template.Spec.Containers[0].VolumeMounts).MountPath);
        Assert.Equal("None", e.Single<V1Service>("db-pods").Spec.ClusterIP);
        Assert.Equal("ClusterIP", e.Single<V1Service>("db").Spec.Type);
        Assert.Equal(1, e.Single<V1PodDisruptionBudget>("db").Spec.MaxUnavailable.ToInt());
    }

    [Fact]
    public void A_cron_job_becomes_a_cron_job_with_its_schedule_policy_and_history()
    {
        var e = Exported.Workload("report", w => w.Image("report:1").CronJob("*/5 * * * *", "Europe/Berlin").Job(completions: 2)
            .CronPolicy(ConcurrencyPolicy.Forbid, TimeSpan.FromMinutes(2), 5, 2).Suspend());

        var c = e.Single<V1CronJob>("report");
        Assert.Equal("batch/v1", c.ApiVersion);
        Assert.Equal("*/5 * * * *", c.Spec.Schedule);
        Assert.Equal("Europe/Berlin", c.Spec.TimeZone);
        Assert.Equal("Forbid", c.Spec.ConcurrencyPolicy);
        Assert.Equal(120, c.Spec.StartingDeadlineSeconds);
        Assert.Equal((5, 2, true), (c.Spec.SuccessfulJobsHistoryLimit, c.Spec.FailedJobsHistoryLimit, c.Spec.Suspend));
        Assert.Equal(2, c.Spec.JobTemplate.Spec.Completions);
        Assert.Equal("OnFailure", c.Spec.JobTemplate.Spec.Template.Spec.RestartPolicy);
    }
}
