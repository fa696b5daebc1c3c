using System.Diagnostics;
using Docker.DotNet.Models;
using Orchestration.Docker.Tests.Infrastructure;
using Orchestration.Runtime;
using Orchestration.TestSupport;
using Xunit.Abstractions;

namespace Orchestration.Docker.Tests.Runtime;

[Collection(DockerCollection.Name)]
public sealed class ContainerTests(EngineFixture engine, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly RuntimeScope _scope = new(engine);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _scope.DisposeAsync();

    [Fact]
    public async Task Three_containers_answer_http_on_their_reported_ports()
    {
        var web = RuntimeScope.Web();
        await _scope.Runtime.PrepareFleetAsync(_scope.Fleet, default);
        var clock = Stopwatch.StartNew();
        var started = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => _scope.StartAsync(web, $"r{i}")));
        output.WriteLine($"3 containers created and started in {clock.ElapsedMilliseconds} ms");

        Assert.All(started, c => Assert.Equal(ContainerState.Running, c.State));
        var ports = started.Select(c => c.PublishedPorts["http"]).ToList();
        Assert.All(ports, p => Assert.Equal("127.0.0.1", p.Host));
        Assert.Equal(3, ports.Select(p => p.Port).Distinct().Count());
        foreach (var port in ports)
        {
            Assert.Equal("ok", await Http.GetAsync(port));
        }

        var listed = await _scope.Runtime.ListContainersAsync(_scope.Fleet, default);
        Assert.Equal(started.Select(c => c.Ref.Id).Order(), listed.Select(c => c.Ref.Id).Order());
        Assert.All(listed, c =>
        {
            Assert.Equal(ContainerState.Running, c.State);
            Assert.Equal(started.Single(s => s.Ref == c.Ref).PublishedPorts["http"], c.PublishedPorts["http"]);
            Assert.NotNull(c.NetworkAddress);
            Assert.NotNull(c.StartedAt);
            Assert.Equal("web", c.Label(OrchestrationLabels.Workload));
        });
    }

    [Fact]
    public async Task Twenty_containers_start_in_parallel_and_all_answer()
    {
        var web = RuntimeScope.Web();
        await _scope.Runtime.PrepareFleetAsync(_scope.Fleet, default);
        var clock = Stopwatch.StartNew();

        var started = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => _scope.StartAsync(web, $"r{i}")));

        output.WriteLine($"20 containers with published ports created and started in {clock.ElapsedMilliseconds} ms");
        await Task.WhenAll(started.Select(async c => Assert.Equal("ok", await Http.GetAsync(c.PublishedPorts["http"]))));
        output.WriteLine($"all answering HTTP after {clock.ElapsedMilliseconds} ms");
        Assert.Single(await engine.NetworksOfAsync(_scope.Fleet));
    }

    [Fact]
    public async Task Containers_get_limits_and_locked_down_defaults()
    {
        var spec = RuntimeScope.Web() with
        {
            Resources = new ResourceSpec { CpuLimitMillicores = 500, MemoryLimitBytes = 64L << 20, PidsLimit = 64 },
            Security = SecuritySpec.Default with { AddCapabilities = ["NET_BIND_SERVICE"] },
            Mounts = [new MountSpec(MountKind.Tmpfs, null, "/scratch")],
            Environment = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(
                StringComparer.Ordinal, [new KeyValuePair<string, string>("GREETING", "hello")]),
        };
        var info = await _scope.StartAsync(spec, "r0");

        var inspect = await engine.Engine.Containers.InspectContainerAsync(info.Ref.Id);
        var host = inspect.HostConfig!;
        Assert.Equal(500_000_000, host.NanoCPUs);
        Assert.Equal(64L << 20, host.Memory);
        Assert.Equal(64, host.PidsLimit);
        Assert.Equal(["MKNOD", "NET_RAW"], host.CapDrop); // the Baseline profile: the engine's defaults less these
        Assert.Equal(["NET_BIND_SERVICE"], host.CapAdd);
        Assert.Contains(host.SecurityOpt, o => o.StartsWith("no-new-privileges", StringComparison.Ordinal));
        Assert.True(host.Init);
        Assert.False(host.Privileged);
        Assert.Equal(RestartPolicyKind.No, host.RestartPolicy.Name);
        Assert.Equal("127.0.0.1", host.PortBindings["8080/tcp"].Single().HostIP);
        Assert.Contains(host.Mounts!, m => m.Type == "tmpfs" && m.Target == "/scratch");
        Assert.Contains("GREETING=hello", inspect.Config!.Env);
        Assert.Equal(_scope.Fleet, inspect.Config.Labels[OrchestrationLabels.Fleet]);
    }

    [Fact]
    public async Task Stop_is_graceful_even_for_httpd_as_the_command_thanks_to_init()
    {
        // As PID 1 httpd ignores SIGTERM and docker stop would wait the whole grace period; with Init the
        // init process forwards the signal and httpd exits at once.
        var spec = RuntimeScope.Web() with { Command = ["httpd", "-f", "-p", "8080", "-h", "/www"], StopGracePeriod = TimeSpan.FromSeconds(10) };
        var info = await _scope.StartAsync(spec, "r0");
        Assert.Equal("ok", await Http.GetAsync(info.PublishedPorts["http"]));

        var clock = Stopwatch.StartNew();
        await _scope.Runtime.StopAsync(info.Ref, spec.StopGracePeriod, default);
        output.WriteLine($"stopped in {clock.ElapsedMilliseconds} ms");

        // Ignoring SIGTERM would mean waiting the whole grace period, then exit code 137 (SIGKILL).
        Assert.True(clock.Elapsed < spec.StopGracePeriod, $"stop took {clock.Elapsed}, as if SIGTERM were ignored");
        var listed = Assert.Single(await _scope.Runtime.ListContainersAsync(_scope.Fleet, default));
        Assert.Equal(ContainerState.Exited, listed.State);
        Assert.NotEqual(137, listed.ExitCode);
        Assert.NotNull(listed.FinishedAt);
    }

    [Fact]
    public async Task A_new_runtime_instance_reports_the_running_containers_with_their_ports_by_name()
    {
        var info = await _scope.StartAsync(RuntimeScope.Web(), "r0");

        await using var other = new RuntimeScope(engine);
        var listed = Assert.Single(await other.Runtime.ListContainersAsync(_scope.Fleet, default));

        Assert.Equal(info.Ref, listed.Ref);
        Assert.Equal(info.PublishedPorts["http"], listed.PublishedPorts["http"]);
        Assert.Equal(info.Labels, listed.Labels);
    }

    [Fact]
    public async Task Remove_stops_by_force_and_ignores_missing_containers()
    {
        var info = await _scope.StartAsync(RuntimeScope.Web(), "r0");

        await _scope.Runtime.RemoveAsync(info.Ref, default);
        await _scope.Runtime.RemoveAsync(info.Ref, default);
        await _scope.Runtime.StopAsync(info.Ref, TimeSpan.FromSeconds(1), default);

        Assert.Empty(await _scope.Runtime.ListContainersAsync(_scope.Fleet, default));
    }

    [Fact]
    public async Task Logs_return_the_last_lines()
    {
        var spec = RuntimeScope.Web() with { Command = ["sh", "-c", "echo one; echo two; echo three; exec sleep 3600"] };
        var info = await _scope.StartAsync(spec, "r0");

        var logs = await Eventually.ValueAsync(
            () => _scope.Runtime.GetLogsAsync(info.Ref, 2, default),
            l => l.Count == 2,
            TimeSpan.FromSeconds(10),
            "two log lines");

        Assert.Equal(["two", "three"], logs);
    }

    [Fact]
    public async Task Nodes_report_the_engine_capacity_and_the_negotiated_api_version()
    {
        var node = Assert.Single(await _scope.Runtime.GetNodesAsync(default));

        Assert.Equal("local", node.Name);
        Assert.Equal(NodeState.Ready, node.State);
        var info = await engine.Engine.System.GetSystemInfoAsync();
        Assert.Equal(info.NCPU * 1000, node.CpuMillicores);
        Assert.Equal(info.MemTotal, node.MemoryBytes);
        var version = await engine.Engine.System.GetVersionAsync();
        var client = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Orchestration.Runtime.Docker.Client.DockerNodes>(_scope.Services).All.Single();
        Assert.Equal(version.APIVersion, client.ApiVersion?.ToString());
    }
}
