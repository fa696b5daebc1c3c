namespace Orchestration.Generators.Tests;

/// <summary>Stateful sets and cron jobs declared with attributes get the spec the fluent builder gives.</summary>
public sealed class KindSpecTests
{
    private const string Sources = """
        using Orchestration;

        namespace Kinds;

        [Workload("db", Image = "postgres:17", Kind = WorkloadKind.StatefulSet, Replicas = 3)]
        [StatefulSet(PodManagement = PodManagementPolicy.Parallel, Partition = 1, WhenScaled = VolumeRetention.Delete, WhenDeleted = VolumeRetention.Delete)]
        [VolumeTemplate("data", "/var/lib/data")]
        [VolumeTemplate("config", "/etc/db", ReadOnly = true)]
        public partial class Db;

        [Workload("plain-db", Image = "postgres:17", Kind = WorkloadKind.StatefulSet)]
        public partial class PlainDb;

        [Workload("backup", Image = "shop/backup:1", Kind = WorkloadKind.CronJob)]
        [CronJob("*/10 * * * * *", TimeZone = "Europe/Paris", ConcurrencyPolicy = ConcurrencyPolicy.Forbid, StartingDeadlineSeconds = 30,
            SuccessfulRunsHistoryLimit = 5, FailedRunsHistoryLimit = 0, Suspend = true)]
        public partial class Backup;

        [Workload("hourly", Image = "shop/backup:1", Kind = WorkloadKind.CronJob)]
        [CronJob("@hourly")]
        public partial class Hourly;
        """;

    private static readonly Lazy<System.Reflection.Assembly> Compiled = new(() =>
    {
        var outcome = GeneratorHarness.Run(Sources);
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileErrors);
        return GeneratorHarness.Load(outcome.Output);
    });

    [Fact]
    public void Stateful_set_spec_equals_the_fluent_one()
    {
        var typed = GeneratorHarness.Spec(Compiled.Value, "Kinds.Db");
        var fluent = new WorkloadBuilder("db").Image("postgres:17")
            .StatefulSet(3, PodManagementPolicy.Parallel)
            .Partition(1)
            .VolumeTemplate("data", "/var/lib/data")
            .VolumeTemplate("config", "/etc/db", readOnly: true)
            .VolumeRetention(VolumeRetention.Delete, VolumeRetention.Delete)
            .Build();

        Assert.Equal(WorkloadKind.StatefulSet, typed.Kind);
        Assert.Equal(3, typed.Replicas);
        Assert.Equal(PodManagementPolicy.Parallel, typed.StatefulSet.PodManagement);
        Assert.Equal(1, typed.StatefulSet.Partition);
        Assert.Equal<VolumeClaimTemplate>(
            [new VolumeClaimTemplate("data", "/var/lib/data"), new VolumeClaimTemplate("config", "/etc/db", readOnly: true)],
            typed.StatefulSet.VolumeTemplates);
        Assert.Equal((VolumeRetention.Delete, VolumeRetention.Delete), (typed.StatefulSet.WhenScaled, typed.StatefulSet.WhenDeleted));
        Assert.Equal(fluent.StatefulSet, typed.StatefulSet);
        Assert.Equal(fluent.Restart, typed.Restart);
        Assert.Equal(fluent.Revision, typed.Revision);
    }

    [Fact]
    public void Stateful_set_without_settings_keeps_the_defaults()
    {
        var typed = GeneratorHarness.Spec(Compiled.Value, "Kinds.PlainDb");
        var fluent = new WorkloadBuilder("plain-db").Image("postgres:17").StatefulSet().Build();

        Assert.Equal(WorkloadKind.StatefulSet, typed.Kind);
        Assert.Same(StatefulSetSpec.Default, typed.StatefulSet);
        Assert.Equal(fluent.Revision, typed.Revision);
    }

    [Fact]
    public void Cron_job_spec_equals_the_fluent_one()
    {
        var typed = GeneratorHarness.Spec(Compiled.Value, "Kinds.Backup");
        var fluent = new WorkloadBuilder("backup").Image("shop/backup:1")
            .CronJob("*/10 * * * * *", "Europe/Paris")
            .CronPolicy(ConcurrencyPolicy.Forbid, TimeSpan.FromSeconds(30), successfulHistory: 5, failedHistory: 0)
            .Suspend()
            .Build();

        Assert.Equal(WorkloadKind.CronJob, typed.Kind);
        Assert.Equal(("*/10 * * * * *", "Europe/Paris"), (typed.CronJob.Schedule, typed.CronJob.TimeZone));
        Assert.Equal(ConcurrencyPolicy.Forbid, typed.CronJob.ConcurrencyPolicy);
        Assert.Equal(TimeSpan.FromSeconds(30), typed.CronJob.StartingDeadline);
        Assert.Equal((5, 0), (typed.CronJob.SuccessfulRunsHistoryLimit, typed.CronJob.FailedRunsHistoryLimit));
        Assert.True(typed.CronJob.Suspend);
        Assert.Equal(RestartMode.OnFailure, typed.Restart.Mode);
        Assert.Equal(fluent.CronJob, typed.CronJob);
        Assert.Equal(fluent.Restart, typed.Restart);
        Assert.Equal(fluent.Revision, typed.Revision);
    }

    [Fact]
    public void Cron_job_with_a_macro_keeps_the_default_policies()
    {
        var typed = GeneratorHarness.Spec(Compiled.Value, "Kinds.Hourly");
        var fluent = new WorkloadBuilder("hourly").Image("shop/backup:1").CronJob("@hourly").Build();

        Assert.Equal(CronJobSpec.Default with { Schedule = "@hourly" }, typed.CronJob);
        Assert.Equal(fluent.Revision, typed.Revision);
    }
}
