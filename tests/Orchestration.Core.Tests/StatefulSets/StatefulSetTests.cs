using Orchestration.Events;
using Orchestration.InMemory;
using Orchestration.Runtime;
using Orchestration.Tests.Support;

namespace Orchestration.Tests.StatefulSets;

public sealed class StatefulSetTests
{
    private static WorkloadSpec Db(int replicas, Action<WorkloadBuilder>? configure = null)
    {
        var b = new WorkloadBuilder("db").Image("db:1").StatefulSet(replicas).Port("pg", 5432)
            .VolumeTemplate("data", "/var/lib/data")
            .Readiness(Probe.Tcp("pg") with { Period = TimeSpan.FromSeconds(1) });
        configure?.Invoke(b);
        return b.Build();
    }

    [Fact]
    public async Task Replicas_get_ordinal_names_and_start_in_order_only_once_the_previous_one_is_ready()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(2));
        fleet.Runtime.SetProbeBehavior("db", new ProbeBehavior { ReadyAfter = TimeSpan.FromSeconds(3) });
        await fleet.Orchestrator.ApplyAsync(new FleetSpec { Name = "test", Workloads = [Db(3)] });

        var status = await fleet.UntilAsync(s =>
        {
            // Sampled all along: an ordinal never runs before every lower ordinal is ready.
            var db = s["db"]!;
            foreach (var r in db.Replicas.Where(r => r.Phase is ReplicaPhase.Starting or ReplicaPhase.Running))
            {
                Assert.All(db.Replicas.Where(p => p.Ordinal < r.Ordinal), p => Assert.True(p.Ready, $"db-{r.Ordinal} runs while db-{p.Ordinal} is not ready"));
            }

            return db.Ready == 3;
        }, TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(500));

        var db = status["db"]!;
        Assert.Equal(["0", "1", "2"], db.Replicas.Select(r => r.Id));
        Assert.Equal(["db-0", "db-1", "db-2"], db.Replicas.Select(r => r.Hostname!));
        Assert.Equal(["0", "1", "2"], fleet.EventsOf<ReplicaStarted>().Select(e => e.ReplicaId));
        Assert.Equal(WorkloadPhase.Available, db.Phase);
        foreach (var ordinal in new[] { 0, 1, 2 })
        {
            var c = Assert.Single(fleet.Running("db"), c => c.Label(OrchestrationLabels.Replica) == ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal([c.Ref.Id], fleet.Runtime.MountedBy(c.Ref.Node, $"test-db-data-{ordinal}"));
        }
    }

    [Fact]
    public async Task A_restarted_replica_keeps_its_name_node_and_volume()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(3));
        await fleet.Orchestrator.ApplyAsync(new FleetSpec { Name = "test", Workloads = [Db(2, b => b.StatefulSet(2, PodManagementPolicy.Parallel))] });
        await fleet.UntilAsync(s => s["db"]!.Ready == 2, TimeSpan.FromSeconds(30));
        var before = fleet.Running("db").Single(c => c.Label(OrchestrationLabels.Replica) == "1");

        fleet.Runtime.CrashContainer(before.Ref.Id, 137);
        await fleet.UntilAsync(s => s["db"]!.Ready == 2 && s["db"]!.Replicas.Single(r => r.Id == "1").Restarts == 1, TimeSpan.FromSeconds(30));

        var after = fleet.Running("db").Single(c => c.Label(OrchestrationLabels.Replica) == "1");
        Assert.NotEqual(before.Ref.Id, after.Ref.Id);
        Assert.Equal(before.Ref.Node, after.Ref.Node);
        Assert.Equal([after.Ref.Id], fleet.Runtime.MountedBy(after.Ref.Node, "test-db-data-1"));
    }

    [Fact]
    public async Task Scaling_down_removes_the_highest_ordinals_first_and_keeps_their_volumes_for_when_they_return()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(3));
        await fleet.Orchestrator.ApplyAsync(new FleetSpec { Name = "test", Workloads = [Db(3)] });
        await fleet.UntilAsync(s => s["db"]!.Ready == 3, TimeSpan.FromSeconds(60));
        var nodes = fleet.Running("db").ToDictionary(c => c.Label(OrchestrationLabels.Replica)!, c => c.Ref.Node);

        await fleet.Orchestrator.ScaleAsync("db", 1);
        await fleet.UntilAsync(s => s["db"]!.Replicas.Length == 1, TimeSpan.FromSeconds(60));
        Assert.Equal(["2", "1"], fleet.EventsOf<ReplicaRemoved>().Select(e => e.ReplicaId));
        Assert.Equal(3, fleet.Runtime.Volumes.Count);

        await fleet.Orchestrator.ScaleAsync("db", 3);
        await fleet.UntilAsync(s => s["db"]!.Ready == 3, TimeSpan.FromSeconds(60));
        Assert.Equal(3, fleet.Runtime.Volumes.Count);
        Assert.Equal(nodes, fleet.Running("db").ToDictionary(c => c.Label(OrchestrationLabels.Replica)!, c => c.Ref.Node));
    }

    [Fact]
    public async Task The_delete_retention_policy_removes_the_volumes_of_removed_replicas_and_of_the_workload()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(1));
        var db = Db(3, b => b.VolumeRetention(VolumeRetention.Delete, VolumeRetention.Delete));
        await fleet.Orchestrator.ApplyAsync(new FleetSpec { Name = "test", Workloads = [db] });
        await fleet.UntilAsync(s => s["db"]!.Ready == 3, TimeSpan.FromSeconds(60));

        await fleet.Orchestrator.ScaleAsync("db", 1);
        await fleet.UntilAsync(s => s["db"]!.Replicas.Length == 1, TimeSpan.FromSeconds(60));
        Assert.Equal(["test-db-data-0"], fleet.Runtime.Volumes.Select(v => v.Name));

        await fleet.Orchestrator.ApplyAsync(new FleetSpec { Name = "test", Workloads = [] });
        await fleet.UntilAsync(_ => fleet.Runtime.Containers.Count == 0, TimeSpan.FromSeconds(30));
        Assert.Empty(fleet.Runtime.Volumes);
        Assert.Equal(3, fleet.EventsOf<VolumeRemoved>().Count);
    }

    [Fact]
    public async Task A_rolling_update_replaces_replicas_from_the_highest_ordinal_down_to_the_partition_one_at_a_time()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(2));
        await fleet.Orchestrator.ApplyAsync(new FleetSpec { Name = "test", Workloads = [Db(3)] });
        await fleet.UntilAsync(s => s["db"]!.Ready == 3, TimeSpan.FromSeconds(60));
        var v1 = fleet["db"].Revision;

        var v2 = Db(3, b => b.Image("db:2").Partition(1));
        await fleet.Orchestrator.ApplyAsync(new FleetSpec { Name = "test", Workloads = [v2] });
        await fleet.UntilAsync(s =>
        {
            var db = s["db"]!;
            Assert.True(fleet.Running("db").Count <= 3, "more containers than replicas during the update");
            Assert.True(db.Replicas.Count(r => r.Phase != ReplicaPhase.Running || !r.Ready) <= 1, "more than one replica updating at once");
            return db.Replicas.Count(r => r.Revision == v2.Revision && r.Ready) == 2;
        }, TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(500));

        Assert.Equal(v1, fleet["db"].Replicas.Single(r => r.Id == "0").Revision);
        var replaced = fleet.EventsOf<ReplicaRemoved>().Select(e => e.ReplicaId).ToList();
        Assert.Equal(["2", "1"], replaced);
        Assert.Equal(["test-db-data-0", "test-db-data-1", "test-db-data-2"], fleet.Runtime.Volumes.Select(v => v.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_replica_on_a_lost_node_waits_for_it_instead_of_running_twice()
    {
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(2), o => o.NodeLostGracePeriod = TimeSpan.FromSeconds(5), null);
        await fleet.Orchestrator.ApplyAsync(new FleetSpec { Name = "test", Workloads = [Db(2, b => b.StatefulSet(2, PodManagementPolicy.Parallel))] });
        await fleet.UntilAsync(s => s["db"]!.Ready == 2, TimeSpan.FromSeconds(30));
        var lost = fleet.Running("db").Single(c => c.Label(OrchestrationLabels.Replica) == "1").Ref.Node;

        fleet.Runtime.LoseNode(lost);
        await fleet.AdvanceAsync(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));
        Assert.Equal(2, fleet["db"].Replicas.Length);
        Assert.False(fleet["db"].Replicas.Single(r => r.Id == "1").Ready);
        Assert.Equal(1, fleet.Runtime.Containers.Count(c => c.Label(OrchestrationLabels.Replica) == "1"));

        fleet.Runtime.RestoreNode(lost);
        await fleet.UntilAsync(s => s["db"]!.Ready == 2, TimeSpan.FromSeconds(30));
        Assert.Equal(lost, fleet.Running("db").Single(c => c.Label(OrchestrationLabels.Replica) == "1").Ref.Node);
    }

    [Fact]
    public void Invalid_stateful_settings_are_reported_with_their_field_paths()
    {
        var error = Assert.Throws<SpecValidationException>(() => new WorkloadBuilder("db").Image("db:1").StatefulSet(2)
            .Partition(-1).VolumeTemplate("Data", "relative").VolumeTemplate("logs", "/logs").VolumeTemplate("logs2", "/logs").Build());

        Assert.Contains(error.Problems, p => p.Path == "workloads[\"db\"].statefulSet.partition" && p.Value == "-1");
        Assert.Contains(error.Problems, p => p.Path == "workloads[\"db\"].statefulSet.volumeTemplates[\"Data\"].name");
        Assert.Contains(error.Problems, p => p.Path == "workloads[\"db\"].statefulSet.volumeTemplates[\"Data\"].target" && p.Value == "relative");
        Assert.Contains(error.Problems, p => p.Path == "workloads[\"db\"].statefulSet.volumeTemplates[\"logs2\"].target" && p.Value == "/logs");
    }
}
