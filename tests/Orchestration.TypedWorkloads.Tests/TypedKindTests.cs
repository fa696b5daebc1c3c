using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestration.TypedWorkloads.Tests.Workloads;

namespace Orchestration.TypedWorkloads.Tests;

/// <summary>A typed stateful set and a typed cron job get the spec their fluent declarations give.</summary>
public sealed class TypedKindTests
{
    [Fact]
    public void Typed_stateful_set_equals_its_fluent_declaration()
    {
        var fluent = new WorkloadBuilder("ledger").Image(TestImages.Busybox)
            .StatefulSet(2, PodManagementPolicy.Parallel)
            .Port("http", 8080)
            .VolumeTemplate("data", "/var/lib/ledger")
            .VolumeTemplate("archive", "/var/lib/archive", readOnly: true)
            .VolumeRetention(VolumeRetention.Delete, VolumeRetention.Retain)
            .Build();
        var typed = Ledger.Spec;

        Assert.Equal((WorkloadKind.StatefulSet, 2), (typed.Kind, typed.Replicas));
        Assert.Equal(PodManagementPolicy.Parallel, typed.StatefulSet.PodManagement);
        Assert.Equal(0, typed.StatefulSet.Partition);
        Assert.Equal<VolumeClaimTemplate>(
            [new VolumeClaimTemplate("data", "/var/lib/ledger"), new VolumeClaimTemplate("archive", "/var/lib/archive", readOnly: true)],
            typed.StatefulSet.VolumeTemplates);
        Assert.Equal((VolumeRetention.Delete, VolumeRetention.Retain), (typed.StatefulSet.WhenScaled, typed.StatefulSet.WhenDeleted));
        Assert.Equal(fluent.StatefulSet, typed.StatefulSet);
        Assert.Equal<PortSpec>(fluent.Ports, typed.Ports);
        Assert.Equal(fluent.Restart, typed.Restart);
        Assert.Equal(fluent.Revision, typed.Revision);
    }

    [Fact]
    public void Typed_cron_job_equals_its_fluent_declaration()
    {
        var fluent = new WorkloadBuilder("nightly").Image(TestImages.Busybox)
            .Command("sh", "-c", "echo done")
            .CronJob("30 2 * * *", "Europe/Paris")
            .CronPolicy(ConcurrencyPolicy.Forbid, TimeSpan.FromMinutes(10), successfulHistory: 5, failedHistory: 2)
            .Job(completions: 1, backoffLimit: 2)
            .Build();
        var typed = Nightly.Spec;

        Assert.Equal(WorkloadKind.CronJob, typed.Kind);
        Assert.Equal(("30 2 * * *", "Europe/Paris"), (typed.CronJob.Schedule, typed.CronJob.TimeZone));
        Assert.Equal(ConcurrencyPolicy.Forbid, typed.CronJob.ConcurrencyPolicy);
        Assert.Equal(TimeSpan.FromMinutes(10), typed.CronJob.StartingDeadline);
        Assert.Equal((5, 2), (typed.CronJob.SuccessfulRunsHistoryLimit, typed.CronJob.FailedRunsHistoryLimit));
        Assert.False(typed.CronJob.Suspend);
        Assert.Equal((1, 2), (typed.Job.Completions, typed.Job.BackoffLimit));
        Assert.Equal(RestartMode.OnFailure, typed.Restart.Mode);
        Assert.Equal(fluent.CronJob, typed.CronJob);
        Assert.Equal(fluent.Job, typed.Job);
        Assert.Equal(fluent.Restart, typed.Restart);
        Assert.Equal<string>(fluent.Command, typed.Command);
        Assert.Equal(fluent.Revision, typed.Revision);
    }

    [Fact]
    public void Fleet_of_typed_kinds_builds_and_validates()
    {
        var fleet = new FleetBuilder("ledgers").AddWorkload<Ledger>().AddWorkload<Nightly>().Build();

        Assert.Equal(["ledger", "nightly"], fleet.Workloads.Select(w => w.Name));
        Assert.Empty(fleet.Validate());
    }

    [Fact]
    public async Task Typed_stateful_set_runs_with_ordinal_names_on_the_in_memory_runtime()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddOrchestration(o => o.FleetName = "ledgers")
            .UseInMemoryRuntime(o => o.AddNode("n1").AddNode("n2"))
            .AddWorkload<Ledger>();
        using var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.StartAsync(timeout.Token);
        try
        {
            var orchestrator = host.Services.GetRequiredService<IOrchestrator>();

            var status = await orchestrator.WaitForAsync(s => s[Ledger.WorkloadName]?.Ready == 2, TimeSpan.FromSeconds(30), timeout.Token);

            var ledger = status[Ledger.WorkloadName]!;
            Assert.Equal(["ledger-0", "ledger-1"], ledger.Replicas.Select(r => r.Hostname!).Order(StringComparer.Ordinal));
            Assert.Equal(Ledger.Spec, orchestrator.DesiredState!.Find(Ledger.WorkloadName));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
