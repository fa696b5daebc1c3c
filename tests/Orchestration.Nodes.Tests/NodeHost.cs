using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.Events;

namespace Orchestration.Nodes.Tests;

/// <summary>A host running the orchestrator on the three engines; records every event.</summary>
public sealed class NodeHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly IDisposable _subscription;
    private readonly ConcurrentQueue<OrchestrationEvent> _events = new();

    private NodeHost(IHost host)
    {
        _host = host;
        Orchestrator = host.Services.GetRequiredService<IOrchestrator>();
        _subscription = Orchestrator.Events.Subscribe(_events.Enqueue);
    }

    public IOrchestrator Orchestrator { get; }

    public IServiceProvider Services => _host.Services;

    public IReadOnlyList<OrchestrationEvent> Events => [.. _events];

    public static Task<NodeHost> StartAsync(string fleet, TimeSpan grace, params WorkloadSpec[] workloads)
        => StartAsync(fleet, grace, NodesFixture.Configure, workloads);

    public static async Task<NodeHost> StartAsync(string fleet, TimeSpan grace, Action<Runtime.Docker.DockerRuntimeOptions> docker, params WorkloadSpec[] workloads)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var orchestration = builder.Services.AddOrchestration(o =>
        {
            o.FleetName = fleet;
            o.NodeLostGracePeriod = grace;
        }).UseDocker(docker);
        foreach (var workload in workloads)
        {
            orchestration.AddWorkload(workload);
        }

        var host = new NodeHost(builder.Build());
        await host._host.StartAsync();
        return host;
    }

    public static WorkloadSpec Web(int replicas, string name = "web") => new()
    {
        Name = name,
        Image = NodesFixture.Image,
        PullPolicy = PullPolicy.Never,
        Replicas = replicas,
        Ports = [new PortSpec("http", 8080)],
        StopGracePeriod = TimeSpan.FromSeconds(1),
    };

    public Task<FleetStatus> WaitForAsync(Func<FleetStatus, bool> condition, double seconds = 90)
        => Orchestrator.WaitForAsync(condition, TimeSpan.FromSeconds(seconds));

    public async ValueTask DisposeAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _host.StopAsync(deadline.Token);
        _subscription.Dispose();
        _host.Dispose();
    }
}
