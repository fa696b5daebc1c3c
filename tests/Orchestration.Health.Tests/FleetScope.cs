using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.Events;

namespace Orchestration.Health.Tests;

/// <summary>An orchestrator on the real engine for one test: a unique fleet name, every event recorded, and the
/// fleet deleted on dispose.</summary>
public sealed class FleetScope : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly IDisposable _subscription;
    private readonly ConcurrentQueue<OrchestrationEvent> _events = new();

    private FleetScope(IHost host)
    {
        _host = host;
        Orchestrator = host.Services.GetRequiredService<IOrchestrator>();
        _subscription = Orchestrator.Events.Subscribe(_events.Enqueue);
    }

    public IOrchestrator Orchestrator { get; }

    public IReadOnlyList<OrchestrationEvent> Events => [.. _events];

    public static async Task<FleetScope> StartAsync(string prefix, params WorkloadSpec[] workloads)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var fleet = $"{prefix}-{Guid.NewGuid().ToString("n")[..6]}";
        var orchestration = builder.Services.AddOrchestration(o => o.FleetName = fleet).UseDocker();
        foreach (var workload in workloads)
        {
            orchestration.AddWorkload(workload);
        }

        var host = builder.Build();
        var scope = new FleetScope(host);
        await host.StartAsync();
        return scope;
    }

    public Task ApplyAsync(params WorkloadSpec[] workloads)
        => Orchestrator.ApplyAsync(new FleetSpec { Name = Orchestrator.FleetName, Workloads = [.. workloads] });

    public Task<FleetStatus> WaitForAsync(Func<FleetStatus, bool> condition, int seconds = 90)
        => Orchestrator.WaitForAsync(condition, TimeSpan.FromSeconds(seconds));

    /// <summary>Polls the recorded events until one matches, with a deadline.</summary>
    public async Task<T> WaitForEventAsync<T>(Func<T, bool> match, int seconds = 60)
        where T : OrchestrationEvent
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (_events.OfType<T>().FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No matching {typeof(T).Name} within {seconds} s; events: {string.Join(" | ", _events.Select(e => e.Message))}");
    }

    public async ValueTask DisposeAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await Orchestrator.DeleteFleetAsync(deadline.Token);
        }
        finally
        {
            await _host.StopAsync(deadline.Token);
            _subscription.Dispose();
            _host.Dispose();
        }
    }
}
