using Microsoft.Extensions.Options;
using Orchestration.Reconciliation;
using Orchestration.Runtime;

namespace Orchestration.Tests.Reconciliation;

public sealed class LaunchFactoryTests
{
    [Fact]
    public async Task Launches_carry_ownership_labels_and_resolved_secrets_that_never_show_in_their_text()
    {
        var factory = new LaunchFactory(Options.Create(new OrchestrationOptions { FleetName = "shop" }), [], new Secrets());
        var spec = new WorkloadBuilder("api").Image("api:1").Env("MODE", "prod").Secret("DB_PASSWORD", "db").Label("team", "a").Build();
        var launch = await factory.CreateAsync(spec, Replica("r1", 2), "n1", CancellationToken.None);

        Assert.Equal("shop-api-r1-2", launch.Name);
        Assert.Equal("2", launch.Labels[OrchestrationLabels.Attempt]);
        Assert.Equal("s3cret", launch.Environment["DB_PASSWORD"]);
        Assert.Equal("prod", launch.Environment["MODE"]);
        Assert.Equal("shop", launch.Labels[OrchestrationLabels.Fleet]);
        Assert.Equal("api", launch.Labels[OrchestrationLabels.Workload]);
        Assert.Equal("r1", launch.Labels[OrchestrationLabels.Replica]);
        Assert.Equal(spec.Revision, launch.Labels[OrchestrationLabels.Revision]);
        Assert.Equal(factory.Owner, launch.Labels[OrchestrationLabels.Owner]);
        Assert.Equal("a", launch.Labels["team"]);
        Assert.DoesNotContain("s3cret", launch.ToString());
    }

    [Fact]
    public async Task A_launch_gives_the_runtime_the_container_part_of_the_workload()
    {
        var factory = new LaunchFactory(Options.Create(new OrchestrationOptions { FleetName = "shop" }), []);
        var spec = new WorkloadBuilder("api").Image("api:1").PullPolicy(PullPolicy.Never).Command("/bin/api").Args("--serve")
            .Port("http", 8080).Volume("data", "/data").Limits(cpu: "500m", memory: "256Mi", pids: 64).User("1000")
            .StopGracePeriod(TimeSpan.FromSeconds(3)).Replicas(5).Build();
        var launch = await factory.CreateAsync(spec, Replica("r1", 1), "n1", CancellationToken.None);

        var container = launch.Container;
        Assert.Equal(("api", spec.Revision, "api:1", PullPolicy.Never), (container.Workload, container.Revision, container.Image, container.PullPolicy));
        Assert.Equal("/bin/api", Assert.Single(container.Command));
        Assert.Equal("--serve", Assert.Single(container.Args));
        Assert.Equal(spec.Ports, container.Ports);
        Assert.Equal(spec.Mounts, container.Mounts);
        Assert.Equal(spec.Resources, container.Resources);
        Assert.Equal("1000", container.Security.User);
        Assert.Equal(TimeSpan.FromSeconds(3), container.StopGracePeriod);
        Assert.Equal(ResolvedContainerSpec.From(spec), container);
    }

    [Fact]
    public async Task A_secret_without_a_resolver_fails_naming_the_secret()
    {
        var factory = new LaunchFactory(Options.Create(new OrchestrationOptions()), []);
        var spec = new WorkloadBuilder("api").Image("api:1").Secret("TOKEN", "api-token").Build();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.CreateAsync(spec, Replica("r1", 1), "n1", CancellationToken.None).AsTask());
        Assert.Contains("api-token", error.Message);
    }

    private sealed class Secrets : ISecretResolver
    {
        public ValueTask<string> ResolveAsync(string name, CancellationToken cancellationToken)
            => name == "db" ? ValueTask.FromResult("s3cret") : throw new KeyNotFoundException(name);
    }

    private static ReplicaRecord Replica(string id, int attempt)
        => new() { Id = id, Revision = "r", CreatedAt = DateTimeOffset.UnixEpoch, Attempt = attempt };
}
