using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.Events;
using Orchestration.Runtime.Swarm;

namespace Orchestration.Swarm.Tests;

/// <summary>An app that runs a fleet on the test swarm, as a user would write it: <c>AddOrchestration().UseDockerSwarm()</c>
/// with typed workloads. Records every event. Disposing stops the app and leaves the fleet on the swarm.</summary>
internal sealed class SwarmAppHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly ConcurrentQueue<OrchestrationEvent> _events = new();
    private readonly IDisposable _subscription;

    private SwarmAppHost(IHost host)
    {
        _host = host;
        Orchestrator = host.Services.GetRequiredService<IOrchestrator>();
        _subscription = Orchestrator.Events.Subscribe(_events.Enqueue);
    }

    public IOrchestrator Orchestrator { get; }

    public IReadOnlyList<OrchestrationEvent> Events => [.. _events];

    public static async Task<SwarmAppHost> StartAsync(string fleet, string manager, Action<IOrchestrationBuilder> workloads, Action<SwarmRuntimeOptions>? swarm = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ISecretResolver>(new TestSecrets());
        var orchestration = builder.Services.AddOrchestration(o => o.FleetName = fleet).UseDockerSwarm(o =>
        {
            o.Manager = manager;
            o.StatusInterval = TimeSpan.FromMilliseconds(500);
            o.UpdateMonitor = TimeSpan.FromSeconds(2);
            swarm?.Invoke(o);
        });
        workloads(orchestration);
        var host = new SwarmAppHost(builder.Build());
        await host._host.StartAsync();
        return host;
    }

    public Task<FleetStatus> WaitForAsync(Func<FleetStatus, bool> condition, double seconds = 90)
        => Orchestrator.WaitForAsync(condition, TimeSpan.FromSeconds(seconds));

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await _host.StopAsync();
        _host.Dispose();
    }
}
