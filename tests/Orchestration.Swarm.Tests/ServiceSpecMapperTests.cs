// The Docker models are nullable throughout; these tests read what the mapper just set.
#nullable disable warnings
using Orchestration.Runtime;
using Orchestration.Runtime.Swarm.Applying;
using Orchestration.Runtime.Swarm;
using Orchestration.Runtime.Swarm.Mapping;
using DockerSecretReference = Docker.DotNet.Models.SecretReference;

namespace Orchestration.Swarm.Tests;

public sealed class ServiceSpecMapperTests
{
    private static readonly FleetSpec Fleet = new FleetBuilder("shop").AddWorkload<Store>().AddWorkload<Web>().Build();

    private static Docker.DotNet.Models.ServiceSpec Map(WorkloadSpec spec, FleetSpec? fleet = null, IReadOnlyList<DockerSecretReference>? secrets = null)
        => ServiceSpecMapper.Map(
            spec,
            new SwarmServiceInputs(fleet ?? Fleet, "orchestration-shop", secrets ?? [], [], DependencyEnvironment.For(spec, fleet ?? Fleet)),
            new SwarmRuntimeOptions());

    [Fact]
    public void A_typed_service_becomes_a_replicated_service_on_the_fleet_network_with_dns_round_robin_and_host_ports()
    {
        var service = Map(Web.Spec);

        Assert.Equal("shop_web", service.Name);
        Assert.Equal(3UL, service.Mode.Replicated.Replicas);
        Assert.Equal("dnsrr", service.EndpointSpec.Mode);
        var port = Assert.Single(service.EndpointSpec.Ports);
        Assert.Equal(("http", 8080u, "host", (uint?)null), (port.Name, port.TargetPort!.Value, port.PublishMode, port.PublishedPort));
        var network = Assert.Single(service.TaskTemplate.Networks);
        Assert.Equal(("orchestration-shop", "web"), (network.Target, Assert.Single(network.Aliases)));
        Assert.Contains("STORE_HOST=store", service.TaskTemplate.ContainerSpec.Env);
        Assert.Contains("STORE_PORT_HTTP=8080", service.TaskTemplate.ContainerSpec.Env);
        Assert.Equal("orchestration/busybox:1", service.TaskTemplate.ContainerSpec.Image);
        Assert.Equal(Web.Spec.Revision, service.Labels[OrchestrationLabels.Revision]);
        Assert.Equal("shop", service.TaskTemplate.ContainerSpec.Labels[OrchestrationLabels.Fleet]);
    }

    [Fact]
    public void The_readiness_probe_becomes_the_health_check_and_a_failed_update_rolls_back_by_default()
    {
        var service = Map(Web.Spec);

        var check = service.TaskTemplate.ContainerSpec.Healthcheck;
        Assert.Equal("CMD-SHELL", check.Test[0]);
        Assert.Contains("http://127.0.0.1:8080/healthz", check.Test[1], StringComparison.Ordinal);
        Assert.Equal((TimeSpan.FromSeconds(1), 3L), (check.Interval!.Value, check.Retries!.Value));
        Assert.Equal("rollback", service.UpdateConfig.FailureAction);
        Assert.Equal("start-first", service.UpdateConfig.Order);   // maxSurge 25% of 3 rounds up to 1, maxUnavailable 0
        Assert.Equal(1UL, service.UpdateConfig.Parallelism);
        Assert.Equal("pause", service.RollbackConfig.FailureAction);
        Assert.Equal("any", service.TaskTemplate.RestartPolicy.Condition);
    }

    [Fact]
    public void A_secret_is_a_file_whose_path_is_in_the_environment_and_its_value_is_nowhere_in_the_spec()
    {
        var reference = new DockerSecretReference { SecretName = "orchestration-shop-store-password-0123456789ab", SecretID = "id", File = new() { Name = "STORE_PASSWORD" } };
        var service = Map(Store.Spec, secrets: [reference]);

        Assert.Contains("STORE_PASSWORD_FILE=/run/secrets/STORE_PASSWORD", service.TaskTemplate.ContainerSpec.Env);
        Assert.DoesNotContain(service.TaskTemplate.ContainerSpec.Env, e => e.StartsWith("STORE_PASSWORD=", StringComparison.Ordinal));
        Assert.Same(reference, Assert.Single(service.TaskTemplate.ContainerSpec.Secrets));
        Assert.DoesNotContain(TestSecrets.StorePassword, System.Text.Json.JsonSerializer.Serialize(service), StringComparison.Ordinal);
    }

    [Fact]
    public void Jobs_daemon_sets_resources_and_placement_map_to_swarm_modes_limits_and_constraints()
    {
        var job = new WorkloadBuilder("migrate").Image("orchestration/busybox:1").Job(completions: 4, parallelism: 2, backoffLimit: 3).Build();
        var daemon = new WorkloadBuilder("agent").Image("orchestration/busybox:1").DaemonSet().Build();
        var placed = new WorkloadBuilder("api").Image("orchestration/busybox:1").Replicas(2)
            .Limits(cpu: "500m", memory: "64Mi", pids: 50).Requests(cpu: "250m")
            .NodeSelector("disk", "ssd").AntiAffinity("api").Build();
        var fleet = new FleetBuilder("shop").AddWorkload(job).AddWorkload(daemon).AddWorkload(placed).Build();

        var jobService = Map(job, fleet);
        Assert.Equal((4UL, 2UL), (jobService.Mode.ReplicatedJob.TotalCompletions!.Value, jobService.Mode.ReplicatedJob.MaxConcurrent!.Value));
        Assert.Equal(("on-failure", 3UL), (jobService.TaskTemplate.RestartPolicy.Condition, jobService.TaskTemplate.RestartPolicy.MaxAttempts!.Value));
        Assert.Null(jobService.UpdateConfig);
        Assert.NotNull(Map(daemon, fleet).Mode.Global);
        var api = Map(placed, fleet);
        Assert.Equal((500_000_000L, 64L * 1024 * 1024, 50L), (api.TaskTemplate.Resources.Limits.NanoCPUs!.Value, api.TaskTemplate.Resources.Limits.MemoryBytes!.Value, api.TaskTemplate.Resources.Limits.Pids!.Value));
        Assert.Equal(250_000_000L, api.TaskTemplate.Resources.Reservations.NanoCPUs);
        Assert.Equal(["node.labels.disk==ssd"], api.TaskTemplate.Placement.Constraints);
        Assert.Equal(1UL, api.TaskTemplate.Placement.MaxReplicas);
    }

    [Fact]
    public void The_same_spec_maps_to_the_same_hash_and_a_scaled_one_to_another()
    {
        Assert.Equal(Map(Web.Spec).Labels[SwarmNames.SpecHashLabel], Map(Web.Spec).Labels[SwarmNames.SpecHashLabel]);
        Assert.NotEqual(Map(Web.Spec).Labels[SwarmNames.SpecHashLabel], Map(Web.Spec with { Replicas = 5 }).Labels[SwarmNames.SpecHashLabel]);
    }

    [Fact]
    public void What_neither_swarm_nor_the_sdk_can_do_is_refused_naming_the_field_and_the_value()
    {
        var api = new WorkloadBuilder("api").Image("orchestration/busybox:1")
            .Port("http", 8080, hostIp: "127.0.0.1")
            .AntiAffinity("db")
            .Placement(PlacementStrategy.BinPack)
            .Privileged()
            .Build();
        var db = new WorkloadBuilder("db").Image("orchestration/busybox:1").Build();
        var fleet = new FleetBuilder("shop").AddWorkload(api).AddWorkload(db).Build();

        var problems = SwarmSupport.Check(fleet, new SwarmRuntimeOptions().AddConfigFile("nope", "/etc/x", "x"));

        Assert.Contains(problems, p => p.Path == "workloads[\"api\"].ports[0].hostIp" && p.Value == "127.0.0.1");
        Assert.Contains(problems, p => p.Path == "workloads[\"api\"].placement.requiredAntiAffinity" && p.Value == "db");
        Assert.Contains(problems, p => p.Path == "workloads[\"api\"].placement.strategy" && p.Value == "BinPack");
        Assert.Contains(problems, p => p.Path == "workloads[\"api\"].security.privileged");
        Assert.Contains(problems, p => p.Path == "SwarmRuntimeOptions.ConfigFiles" && p.Value == "nope");
        Assert.Empty(SwarmSupport.Check(Fleet, new SwarmRuntimeOptions()));
    }

    [Fact]
    public void Bad_options_fail_naming_the_option_and_the_value()
    {
        var result = new Runtime.Swarm.DependencyInjection.SwarmRuntimeOptionsValidator().Validate(null, new SwarmRuntimeOptions
        {
            Manager = "ftp://manager",
            StatusInterval = TimeSpan.Zero,
        });

        Assert.True(result.Failed);
        Assert.Contains("SwarmRuntimeOptions.Manager: 'ftp://manager'", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("SwarmRuntimeOptions.StatusInterval: '00:00:00'", result.FailureMessage, StringComparison.Ordinal);
    }
}
