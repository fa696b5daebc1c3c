using Docker.DotNet.Models;
using Orchestration.Docker.Tests.Infrastructure;
using Orchestration.Events;
using Orchestration.Runtime;
using Orchestration.TestSupport;

namespace Orchestration.Docker.Tests.Orchestrator;

/// <summary>Issue 4's acceptance: the orchestrator keeps real fleets on a real engine.</summary>
[Collection(DockerCollection.Name)]
public sealed class OrchestratorOnDockerTests(EngineFixture engine) : IAsyncLifetime
{
    private readonly string _fleet = $"o{Guid.NewGuid():N}"[..12];
    private readonly List<OrchestratorHost> _hosts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await engine.RemoveFleetAsync(_fleet);
    }

    [Fact]
    public async Task Three_replicas_run_and_answer_http_on_their_reported_ports()
    {
        var host = await StartAsync(Web(3));

        var status = await host.WaitForAsync(s => s["web"]?.Ready == 3);

        var replicas = status["web"]!.Replicas;
        Assert.Equal(3, replicas.Length);
        Assert.All(replicas, r => Assert.Equal(ReplicaPhase.Running, r.Phase));
        foreach (var replica in replicas)
        {
            Assert.Equal("ok", await Http.GetAsync(replica.Ports["http"]));
        }

        Assert.Equal(3, host.Orchestrator.GetEndpoints("web", "http").Count);
    }

    [Fact]
    public async Task A_container_killed_from_outside_is_replaced_and_its_exit_code_137_reported()
    {
        var host = await StartAsync(Web(3));
        var before = await host.WaitForAsync(s => s["web"]?.Ready == 3);
        var victim = before["web"]!.Replicas[0];

        await engine.Engine.Containers.KillContainerAsync(victim.ContainerId!, new ContainerKillParameters { Signal = "KILL" });

        var exited = await host.WaitForEventAsync<ReplicaExited>(e => e.ReplicaId == victim.Id);
        Assert.Equal(137, exited.ExitCode);
        var after = await host.WaitForAsync(s => s["web"] is { Ready: 3 } w && w.Replicas.All(r => r.ContainerId != victim.ContainerId));
        var replacement = after["web"]!.Replicas.Single(r => r.Id == victim.Id);
        Assert.Equal("ok", await Http.GetAsync(replacement.Ports["http"]));
        Assert.Equal(3, (await RunningAsync()).Count);
    }

    [Fact]
    public async Task Scaling_3_to_5_to_1_converges()
    {
        var host = await StartAsync(Web(3));
        await host.WaitForAsync(s => s["web"]?.Ready == 3);

        await host.Orchestrator.ScaleAsync("web", 5);
        await host.WaitForAsync(s => s["web"]?.Ready == 5);
        Assert.Equal(5, (await RunningAsync()).Count);

        await host.Orchestrator.ScaleAsync("web", 1);
        await host.WaitForAsync(s => s["web"] is { Ready: 1, Replicas.Length: 1 });
        await Eventually.ValueAsync(() => engine.ContainersOfAsync(_fleet), c => c.Count == 1, TimeSpan.FromSeconds(30), "one container left");
    }

    [Fact]
    public async Task Deleting_the_fleet_leaves_no_container_and_no_network_with_its_label()
    {
        var host = await StartAsync(Web(2));
        await host.WaitForAsync(s => s["web"]?.Ready == 2);
        Assert.NotEmpty(await engine.NetworksOfAsync(_fleet));

        await host.Orchestrator.DeleteFleetAsync();

        Assert.Empty(await engine.ContainersOfAsync(_fleet));
        Assert.Empty(await engine.NetworksOfAsync(_fleet));
    }

    [Fact]
    public async Task A_new_orchestrator_adopts_the_running_fleet()
    {
        var first = await StartAsync(Web(2));
        var before = await first.WaitForAsync(s => s["web"]?.Ready == 2);
        var ids = before["web"]!.Replicas.Select(r => r.ContainerId!).Order().ToList();
        await first.DisposeAsync();
        _hosts.Remove(first);

        var second = await StartAsync(Web(2));
        var after = await second.WaitForAsync(s => s["web"]?.Ready == 2);

        Assert.Equal(ids, after["web"]!.Replicas.Select(r => r.ContainerId!).Order().ToList());
        Assert.Equal(ids, (await RunningAsync()).Select(c => c.ID).Order().ToList());
    }

    [Fact]
    public async Task A_new_orchestrator_with_a_changed_spec_rolls_the_adopted_containers_without_a_gap()
    {
        var first = await StartAsync(Web(3));
        var before = await first.WaitForAsync(s => s["web"]?.Ready == 3);
        var oldIds = before["web"]!.Replicas.Select(r => r.ContainerId!).ToHashSet();
        await first.DisposeAsync();
        _hosts.Remove(first);

        // The host comes back with a new version of the workload; the update allows no unavailable replica.
        var changed = Web(3) with
        {
            Environment = Web(3).Environment.SetItem("COLOR", "blue"),
            Update = new UpdateStrategy { MaxSurge = 1, MaxUnavailable = 0 },
        };
        var second = await StartAsync(changed);
        var fewestReady = int.MaxValue;
        var after = await second.WaitForAsync(s =>
        {
            if (s["web"] is { Replicas.Length: > 0 } seen)
            {
                fewestReady = Math.Min(fewestReady, seen.Ready);
            }

            return s["web"] is { Ready: 3, Phase: WorkloadPhase.Available } w && w.Replicas.All(r => r.Revision == changed.Revision);
        }, seconds: 120);

        Assert.Equal(3, second.Events.OfType<ReplicaAdopted>().Count());
        Assert.True(fewestReady >= 3, $"only {fewestReady} of 3 replicas were ready while the adopted revision was replaced");
        Assert.DoesNotContain(after["web"]!.Replicas, r => oldIds.Contains(r.ContainerId!));
        var running = await Eventually.ValueAsync(async () => (await RunningAsync()).Count, n => n == 3, TimeSpan.FromSeconds(30), "three running containers");
        Assert.Equal(3, running);
    }

    [Fact]
    public async Task Changing_an_environment_value_replaces_the_containers()
    {
        var spec = Web(2);
        var host = await StartAsync(spec);
        var before = await host.WaitForAsync(s => s["web"]?.Ready == 2);
        var oldIds = before["web"]!.Replicas.Select(r => r.ContainerId).ToHashSet();
        var changed = spec with { Environment = spec.Environment.SetItem("COLOR", "blue") };

        await host.Orchestrator.ApplyAsync(new FleetBuilder(_fleet).AddWorkload(changed).Build());

        var after = await host.WaitForAsync(s => s["web"] is { Ready: 2 } w
            && w.Replicas.Length == 2
            && w.Replicas.All(r => r.Revision == changed.Revision && !oldIds.Contains(r.ContainerId)), seconds: 90);
        foreach (var replica in after["web"]!.Replicas)
        {
            var inspect = await engine.Engine.Containers.InspectContainerAsync(replica.ContainerId!);
            Assert.Contains("COLOR=blue", inspect.Config!.Env);
        }

        await Eventually.ValueAsync(() => engine.ContainersOfAsync(_fleet), c => c.Count == 2, TimeSpan.FromSeconds(30), "old containers removed");
    }

    [Fact]
    public async Task An_invalid_image_reference_is_a_validation_error_that_creates_nothing()
    {
        var host = await StartAsync(Web(1));
        await host.WaitForAsync(s => s["web"]?.Ready == 1);
        var before = (await engine.ContainersOfAsync(_fleet)).Count;

        var error = await Assert.ThrowsAsync<SpecValidationException>(() => host.Orchestrator.ApplyAsync(
            new FleetBuilder(_fleet).AddWorkload(Web(1)).AddWorkload(Web(1, "bad") with { Image = "Not A/Valid::Image" }).Build()));

        Assert.Contains(error.Problems, p => p.Path == "workloads[\"bad\"].image");
        Assert.Equal(before, (await engine.ContainersOfAsync(_fleet)).Count);
    }

    [Fact]
    public async Task Privileged_without_opt_in_is_refused_before_anything_is_created()
    {
        var host = await StartAsync(Web(1));
        await host.WaitForAsync(s => s["web"]?.Ready == 1);

        var error = await Assert.ThrowsAsync<SpecValidationException>(() => host.Orchestrator.ApplyAsync(
            new FleetBuilder(_fleet).AddWorkload(Web(1)).AddWorkload(Web(1, "root") with { Security = SecuritySpec.Default with { Privileged = true } }).Build()));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("workloads[\"root\"].security.privileged", problem.Path);
        Assert.DoesNotContain(await engine.ContainersOfAsync(_fleet), c => c.Labels[OrchestrationLabels.Workload] == "root");
    }

    [Fact]
    public async Task A_missing_image_with_pull_policy_never_keeps_the_replica_pending_with_one_clear_event_until_the_image_is_there()
    {
        var repository = $"orchestration-test/missing-{_fleet}";
        var image = $"{repository}:1";
        var host = await StartAsync(Web(1) with { Image = image });
        try
        {
            var reported = await host.WaitForEventAsync<ReplicaPending>(e => e.Reason.Contains("pull policy is Never", StringComparison.Ordinal));

            Assert.Contains(image, reported.Reason, StringComparison.Ordinal);
            var replica = Assert.Single(host.Orchestrator.GetStatus()["web"]!.Replicas);
            Assert.Equal(ReplicaPhase.Pending, replica.Phase);
            Assert.Equal(reported.Reason, replica.Reason);
            Assert.Empty(await engine.ContainersOfAsync(_fleet));

            Assert.Contains("pull policy is Never", host.Orchestrator.GetStatus()["web"]!.StalledReason, StringComparison.Ordinal);
            await engine.Engine.Images.TagImageAsync(EngineFixture.Image, new ImageTagParameters { RepositoryName = repository, Tag = "1" });

            // Stalled (waiting would fail at once) until the next retry finds the image.
            await host.WaitForEventAsync<ReplicaStarted>(e => e.Workload == "web");
            var status = await host.WaitForAsync(s => s["web"]?.Ready == 1);

            var running = Assert.Single(status["web"]!.Replicas);
            Assert.Equal(replica.Id, running.Id);
            Assert.Equal(0, running.Restarts);
            Assert.Equal("ok", await Http.GetAsync(running.Ports["http"]));
            Assert.Single(host.Events.OfType<ReplicaPending>(), e => e.ReplicaId == replica.Id);
            Assert.DoesNotContain(host.Events, e => e is ReplicaExited or ReplicaRestartScheduled);
        }
        finally
        {
            await UntagAsync(image);
        }
    }

    [Fact]
    public async Task Two_workloads_reach_each_other_by_name()
    {
        var host = await StartAsync(Web(1, "web"), Web(1, "client") with { Ports = [] });
        var status = await host.WaitForAsync(s => s["web"]?.Ready == 1 && s["client"]?.Ready == 1);
        var client = status["client"]!.Replicas.Single();

        var result = await host.Runtime.ExecAsync(new ContainerRef(client.Node!, client.ContainerId!), ["wget", "-qO-", "http://web:8080/"], TimeSpan.FromSeconds(10), default);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("ok", result.Output.Trim());
    }

    private async Task UntagAsync(string image)
    {
        try
        {
            await engine.Engine.Images.DeleteImageAsync(image, new ImageDeleteParameters { Force = true });
        }
        catch (global::Docker.DotNet.DockerApiException)
        {
        }
    }

    private static WorkloadSpec Web(int replicas, string name = "web") => RuntimeScope.Web(name) with { Replicas = replicas };

    private async Task<OrchestratorHost> StartAsync(params WorkloadSpec[] workloads)
    {
        var host = await OrchestratorHost.StartAsync(_fleet, workloads);
        _hosts.Add(host);
        return host;
    }

    private async Task<IList<ContainerListResponse>> RunningAsync()
        => [.. (await engine.ContainersOfAsync(_fleet)).Where(c => c.State == "running")];
}
