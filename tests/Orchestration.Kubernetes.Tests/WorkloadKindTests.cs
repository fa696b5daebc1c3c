using k8s.Models;

namespace Orchestration.Kubernetes.Tests;

/// <summary>Every kind of object the export writes, with the fields of each controller.</summary>
public sealed class WorkloadKindTests
{
    private static readonly Dictionary<string, string> ApiSelector = new() { ["app.kubernetes.io/name"] = "api", ["app.kubernetes.io/part-of"] = "shop" };

    [Fact]
    public void A_service_becomes_a_deployment_with_its_replicas_selector_labels_and_annotations()
    {
        var e = Exported.Workload("api", w => w
            .Image("api:1")
            .Replicas(4)
            .Label("team", "payments")
            .Label("example.com/tier", "backend")
            .Label("note", "not a valid label value!")
            .Label("app.kubernetes.io/name", "other"));

        var d = e.Single<V1Deployment>("api");
        Assert.Equal("apps/v1", d.ApiVersion);
        Assert.Equal("Deployment", d.Kind);
        Assert.Null(d.Metadata.NamespaceProperty);
        Assert.Equal(4, d.Spec.Replicas);
        Assert.Equal(ApiSelector, d.Spec.Selector.MatchLabels);
        var labels = d.Spec.Template.Metadata.Labels;
        Assert.Equal("api", labels["app.kubernetes.io/name"]);
        Assert.Equal("shop", labels["app.kubernetes.io/part-of"]);
        Assert.Equal("orchestration", labels["app.kubernetes.io/managed-by"]);
        Assert.Equal("payments", labels["team"]);
        Assert.Equal("backend", labels["example.com/tier"]);
        Assert.Equal(labels, d.Metadata.Labels);
        Assert.Equal("Always", d.Spec.Template.Spec.RestartPolicy);
        var annotations = d.Spec.Template.Metadata.Annotations;
        Assert.Equal("not a valid label value!", annotations["note"]);
        Assert.Equal("other", annotations["app.kubernetes.io/name"]);
        Assert.Contains("annotation", e.Warning("workloads[\"api\"].labels[\"note\"]").Message, StringComparison.Ordinal);
        Assert.Contains("annotation", e.Warning("workloads[\"api\"].labels[\"app.kubernetes.io/name\"]").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_namespace_goes_into_every_object()
    {
        var e = Exported.Workload("api", w => w.Image("api:1").Replicas(2).Port("http", 80), new KubernetesExportOptions { Namespace = "prod" });

        Assert.Equal(["Deployment", "Service", "PodDisruptionBudget", "NetworkPolicy"], e.Export.Objects.Select(o => o.Kind));
        Assert.All(e.Export.Objects, o => Assert.Equal("prod", o.Metadata.NamespaceProperty));
    }

    [Fact]
    public void A_rolling_update_keeps_surge_unavailability_and_timings()
    {
        var e = Exported.Fleet(f => f
            .AddWorkload("api", w => w.Image("api:1").RollingUpdate(maxSurge: 2, maxUnavailable: IntOrPercent.FromPercent(10), minReadyTime: TimeSpan.FromSeconds(15), progressDeadline: TimeSpan.FromMinutes(3), revisionHistoryLimit: 4))
            .AddWorkload("db", w => w.Image("db:1").RecreateUpdate()));

        var api = e.Single<V1Deployment>("api").Spec;
        Assert.Equal("RollingUpdate", api.Strategy.Type);
        Assert.Equal("2", api.Strategy.RollingUpdate.MaxSurge.Value);
        Assert.Equal(2, api.Strategy.RollingUpdate.MaxSurge.ToInt());
        Assert.Equal("10%", api.Strategy.RollingUpdate.MaxUnavailable.Value);
        Assert.Equal(15, api.MinReadySeconds);
        Assert.Equal(180, api.ProgressDeadlineSeconds);
        Assert.Equal(4, api.RevisionHistoryLimit);
        var db = e.Single<V1Deployment>("db").Spec;
        Assert.Equal("Recreate", db.Strategy.Type);
        Assert.Null(db.Strategy.RollingUpdate);
        Assert.Contains("never rolls back", e.Warning("workloads[\"api\"].update.failureAction").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_update_strategy_is_surge_25_percent_and_none_unavailable()
    {
        var e = Exported.Workload("api", w => w.Image("api:1").RollingUpdate(onFailure: RolloutFailureAction.Pause));

        var spec = e.Single<V1Deployment>("api").Spec;
        Assert.Equal("25%", spec.Strategy.RollingUpdate.MaxSurge.Value);
        Assert.Equal(0, spec.Strategy.RollingUpdate.MaxUnavailable.ToInt());
        Assert.Equal(0, spec.MinReadySeconds);
        Assert.Equal(300, spec.ProgressDeadlineSeconds);
        Assert.Equal(10, spec.RevisionHistoryLimit);
        Assert.Contains("Pause", e.Warning("workloads[\"api\"].update.failureAction").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disruption_budget_covers_each_service_of_more_than_one_replica()
    {
        var e = Exported.Fleet(f => f
            .AddWorkload("api", w => w.Image("api:1").Replicas(3))
            .AddWorkload("web", w => w.Image("web:1").Replicas(4).RollingUpdate(maxUnavailable: IntOrPercent.FromPercent(25)))
            .AddWorkload("single", w => w.Image("single:1")));

        var api = e.Single<V1PodDisruptionBudget>("api");
        Assert.Equal("policy/v1", api.ApiVersion);
        Assert.Equal(1, api.Spec.MaxUnavailable.ToInt());
        Assert.Equal(ApiSelector, api.Spec.Selector.MatchLabels);
        Assert.Equal("25%", e.Single<V1PodDisruptionBudget>("web").Spec.MaxUnavailable.Value);
        Assert.DoesNotContain(e.Objects.OfType<V1PodDisruptionBudget>(), b => b.Metadata.Name == "single");
    }

    [Fact]
    public void A_daemon_set_becomes_a_daemon_set_with_its_update_strategy()
    {
        var e = Exported.Fleet(f => f
            .AddWorkload("collector", w => w.DaemonSet().Image("collector:1").Port("metrics", 9100).RollingUpdate(minReadyTime: TimeSpan.FromSeconds(5), revisionHistoryLimit: 3))
            .AddWorkload("logs", w => w.DaemonSet().Image("logs:1").RollingUpdate(maxSurge: 1, maxUnavailable: 2))
            .AddWorkload("probe", w => w.DaemonSet().Image("probe:1").RecreateUpdate()));

        var collector = e.Single<V1DaemonSet>("collector");
        Assert.Equal("apps/v1", collector.ApiVersion);
        Assert.Equal("DaemonSet", collector.Kind);
        Assert.Equal(new Dictionary<string, string> { ["app.kubernetes.io/name"] = "collector", ["app.kubernetes.io/part-of"] = "shop" }, collector.Spec.Selector.MatchLabels);
        Assert.Equal("Always", collector.Spec.Template.Spec.RestartPolicy);
        Assert.Equal("collector:1", collector.Spec.Template.Spec.Containers[0].Image);
        Assert.Equal("RollingUpdate", collector.Spec.UpdateStrategy.Type);
        Assert.Equal("25%", collector.Spec.UpdateStrategy.RollingUpdate.MaxSurge.Value);
        Assert.Equal(0, collector.Spec.UpdateStrategy.RollingUpdate.MaxUnavailable.ToInt());
        Assert.Equal(5, collector.Spec.MinReadySeconds);
        Assert.Equal(3, collector.Spec.RevisionHistoryLimit);
        Assert.Equal(9100, e.Single<V1Service>("collector").Spec.Ports[0].Port);
        Assert.Empty(e.Objects.OfType<V1PodDisruptionBudget>());
        Assert.Contains("no progress deadline", e.Warning("workloads[\"collector\"].update.progressDeadline").Message, StringComparison.Ordinal);

        var logs = e.Single<V1DaemonSet>("logs").Spec.UpdateStrategy.RollingUpdate;
        Assert.Equal(0, logs.MaxSurge.ToInt());
        Assert.Equal(2, logs.MaxUnavailable.ToInt());
        Assert.Contains("maxSurge 0", e.Warning("workloads[\"logs\"].update.maxSurge").Message, StringComparison.Ordinal);

        var probe = e.Single<V1DaemonSet>("probe").Spec.UpdateStrategy;
        Assert.Equal("RollingUpdate", probe.Type);
        Assert.Equal("100%", probe.RollingUpdate.MaxUnavailable.Value);
        Assert.Equal(0, probe.RollingUpdate.MaxSurge.ToInt());
    }

    [Fact]
    public void A_job_becomes_a_job_with_completions_parallelism_backoff_and_restart_policy()
    {
        var e = Exported.Fleet(f => f
            .AddWorkload("migrate", w => w.Image("migrate:1").Job(completions: 5, parallelism: 2, backoffLimit: 3))
            .AddWorkload("report", w => w.Image("report:1").Job().RestartPolicy(RestartMode.Never)));

        var migrate = e.Single<V1Job>("migrate");
        Assert.Equal("batch/v1", migrate.ApiVersion);
        Assert.Equal("Job", migrate.Kind);
        Assert.Equal(5, migrate.Spec.Completions);
        Assert.Equal(2, migrate.Spec.Parallelism);
        Assert.Equal(3, migrate.Spec.BackoffLimit);
        Assert.Equal("OnFailure", migrate.Spec.Template.Spec.RestartPolicy);
        Assert.Equal("shop", migrate.Spec.Template.Metadata.Labels["app.kubernetes.io/part-of"]);
        var report = e.Single<V1Job>("report");
        Assert.Equal("Never", report.Spec.Template.Spec.RestartPolicy);
        Assert.Equal((1, 1, 6), (report.Spec.Completions, report.Spec.Parallelism, report.Spec.BackoffLimit));
        Assert.Empty(e.Objects.OfType<V1Deployment>());
        Assert.Empty(e.Objects.OfType<V1PodDisruptionBudget>());
    }

    [Fact]
    public void A_job_that_would_always_restart_is_reported_and_restarts_on_failure()
    {
        var e = Exported.Workload("seed", w => w.Image("seed:1").Job().RestartPolicy(RestartMode.Always));

        Assert.Equal("OnFailure", e.Single<V1Job>("seed").Spec.Template.Spec.RestartPolicy);
        Assert.Contains("OnFailure", e.Warning("workloads[\"seed\"].restart.mode").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fleet_is_isolated_by_a_network_policy_that_admits_only_its_own_pods()
    {
        var e = Exported.Fleet(f => f.AddWorkload("api", w => w.Image("api:1")).AddWorkload("db", w => w.Image("db:1")));

        var policy = e.Single<V1NetworkPolicy>("shop-isolation");
        Assert.Equal("networking.k8s.io/v1", policy.ApiVersion);
        var fleet = new Dictionary<string, string> { ["app.kubernetes.io/part-of"] = "shop" };
        Assert.Equal(fleet, policy.Spec.PodSelector.MatchLabels);
        Assert.Equal(["Ingress"], policy.Spec.PolicyTypes);
        var from = Assert.Single(Assert.Single(policy.Spec.Ingress).FromProperty);
        Assert.Equal(fleet, from.PodSelector.MatchLabels);
        Assert.Null(from.NamespaceSelector);
        Assert.Same(policy, e.Objects[^1]);
    }

    [Fact]
    public void Isolation_and_disruption_budgets_can_be_left_out()
    {
        var e = Exported.Workload("api", w => w.Image("api:1").Replicas(3), new KubernetesExportOptions { IsolateFleet = false, DisruptionBudgets = false });

        Assert.Equal(["Deployment"], e.Export.Objects.Select(o => o.Kind));
    }

    [Fact]
    public void Placement_becomes_node_selector_tolerations_anti_affinity_and_topology_spread()
    {
        var e = Exported.Fleet(f => f
            .AddWorkload("db", w => w.Image("db:1"))
            .AddWorkload("api", w => w
                .Image("api:1")
                .NodeSelector("disk", "ssd")
                .NodeSelector("zone", "a")
                .Tolerate("dedicated", "api", TaintEffect.NoSchedule)
                .Tolerate("maintenance")
                .AntiAffinity("api")
                .AntiAffinity("db", required: false)
                .Placement(PlacementStrategy.Spread, maxSkew: 1)));

        var pod = e.Pod("api");
        Assert.Equal(new Dictionary<string, string> { ["disk"] = "ssd", ["zone"] = "a" }, pod.NodeSelector);
        Assert.Equal(["dedicated/Equal/api/NoSchedule", "maintenance/Exists//"], pod.Tolerations.Select(t => $"{t.Key}/{t.OperatorProperty}/{t.Value}/{t.Effect}"));
        var required = Assert.Single(pod.Affinity.PodAntiAffinity.RequiredDuringSchedulingIgnoredDuringExecution);
        Assert.Equal("kubernetes.io/hostname", required.TopologyKey);
        Assert.Equal(ApiSelector, required.LabelSelector.MatchLabels);
        var preferred = Assert.Single(pod.Affinity.PodAntiAffinity.PreferredDuringSchedulingIgnoredDuringExecution);
        Assert.Equal(100, preferred.Weight);
        Assert.Equal("db", preferred.PodAffinityTerm.LabelSelector.MatchLabels["app.kubernetes.io/name"]);
        var spread = Assert.Single(pod.TopologySpreadConstraints);
        Assert.Equal((1, "kubernetes.io/hostname", "DoNotSchedule"), (spread.MaxSkew, spread.TopologyKey, spread.WhenUnsatisfiable));
        Assert.Equal(ApiSelector, spread.LabelSelector.MatchLabels);
        Assert.DoesNotContain(e.Warnings, w => w.Field.Contains("placement", StringComparison.Ordinal));
        Assert.Null(e.Pod("db").Affinity);
        Assert.Null(e.Pod("db").NodeSelector);
    }

    [Fact]
    public void Bin_packing_cannot_be_expressed_per_workload_and_is_reported()
    {
        var e = Exported.Workload("batch", w => w.Image("batch:1").Placement(PlacementStrategy.BinPack));

        Assert.Contains("MostAllocated", e.Warning("workloads[\"batch\"].placement.strategy").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_order_and_restart_backoff_are_reported()
    {
        var e = Exported.Fleet(f => f
            .AddWorkload("migrate", w => w.Image("migrate:1").Job())
            .AddWorkload("api", w => w
                .Image("api:1")
                .DependsOn("migrate", DependencyCondition.Completed)
                .RestartPolicy(RestartMode.Always, initialDelay: TimeSpan.FromSeconds(5))));

        Assert.Contains("Completed", e.Warning("workloads[\"api\"].dependencies[\"migrate\"]").Message, StringComparison.Ordinal);
        Assert.Contains("init container", e.Warning("workloads[\"api\"].dependencies[\"migrate\"]").Message, StringComparison.Ordinal);
        Assert.Contains("300 s", e.Warning("workloads[\"api\"].restart").Message, StringComparison.Ordinal);
        Assert.DoesNotContain(e.Warnings, w => w.Field.StartsWith("workloads[\"migrate\"]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_kind_without_a_mapper_is_reported_and_left_out()
    {
        var unknown = (WorkloadKind)99;
        var fleet = new FleetSpec
        {
            Name = "shop",
            Workloads = [new WorkloadSpec { Name = "future", Image = "future:1", Kind = unknown }, new WorkloadSpec { Name = "api", Image = "api:1" }],
        };
        Assert.Empty(fleet.Validate());

        var export = KubernetesManifests.From(fleet);

        Assert.Equal(["Deployment", "NetworkPolicy"], export.Objects.Select(o => o.Kind));
        Assert.Contains(export.Warnings, w => w.Field == "workloads[\"future\"].kind" && w.Message.Contains("left out", StringComparison.Ordinal));
    }

    [Fact]
    public void An_invalid_fleet_is_refused_with_every_problem()
    {
        var fleet = new FleetSpec { Name = "Shop!", Workloads = [new WorkloadSpec { Name = "api", Image = string.Empty }] };

        var e = Assert.Throws<SpecValidationException>(() => KubernetesManifests.From(fleet));

        Assert.Contains("Shop!", e.Message, StringComparison.Ordinal);
        Assert.Contains("image", e.Message, StringComparison.Ordinal);
    }
}
