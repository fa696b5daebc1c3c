using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.Events;
using Orchestration.Runtime;
using Orchestration.Runtime.Docker;

namespace Orchestration.Docker.Tests.Infrastructure;

/// <summary>A host running the orchestrator on the real engine, as an app would: <c>AddOrchestration().UseDocker()</c>
/// with workloads applied at start. Records every orchestration event. Disposing stops the host (keeping the
/// containers, so another host can adopt them) unless <c>removeOnDispose</c>.</summary>
public sealed class FleetHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly IDisposable _subscription;
    private readonly ConcurrentQueue<OrchestrationEvent> _events = new();

    private FleetHost(IHost host)
    {
        _host = host;
        Orchestrator = host.Services.GetRequiredService<IOrchestrator>();
        Runtime = host.Services.GetRequiredService<IContainerRuntime>();
        _subscription = Orchestrator.Events.Subscribe(_events.Enqueue);
    }

    public IOrchestrator Orchestrator { get; }

    public IContainerRuntime Runtime { get; }

    public IReadOnlyList<OrchestrationEvent> Events => [.. _events];

    public static async Task<FleetHost> StartAsync(string fleet, IEnumerable<WorkloadSpec> workloads, Action<DockerRuntimeOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var orchestration = builder.Services.AddOrchestration(o => o.FleetName = fleet).UseDocker(configure);
        foreach (var workload in workloads)
        {
            orchestration.AddWorkload(workload);
        }

        var host = builder.Build();
        var fleetHost = new FleetHost(host);
        await host.StartAsync();
        return fleetHost;
    }

    public Task<FleetStatus> WaitForAsync(Func<FleetStatus, bool> condition, int seconds = 60)
        => Orchestrator.WaitForAsync(condition, TimeSpan.FromSeconds(seconds));

    public async Task<T> WaitForEventAsync<T>(Func<T, bool> match, int seconds = 30)
        where T : OrchestrationEvent
        => await Eventually.ValueAsync(
            () => Task.FromResult(_events.OfType<T>().FirstOrDefault(match)),
            e => e is not null,
            TimeSpan.FromSeconds(seconds),
            $"a {typeof(T).Name} event; seen: {string.Join(" | ", _events.Select(e => e.Message))}") ?? throw new InvalidOperationException();

    public async ValueTask DisposeAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _host.StopAsync(deadline.Token);
        _subscription.Dispose();
        _host.Dispose();
    }
}
