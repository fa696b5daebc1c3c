using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.Events;
using Orchestration.Runtime;
using Orchestration.Runtime.Docker;

namespace Orchestration.TestSupport;

/// <summary>A generic host running the orchestrator on real engines, as an app would:
/// <c>AddOrchestration().UseDocker()</c> with workloads applied at start. Records every orchestration event.
/// Disposing stops the host (keeping the containers, so another host can adopt them) unless the fleet is to be
/// deleted on dispose.</summary>
public sealed class OrchestratorHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly IDisposable _subscription;
    private readonly ConcurrentQueue<OrchestrationEvent> _events = new();
    private readonly double _waitSeconds;
    private readonly double _eventSeconds;
    private readonly bool _deleteFleetOnDispose;
    private bool _disposed;

    private OrchestratorHost(IHost host, double waitSeconds, double eventSeconds, bool deleteFleetOnDispose)
    {
        _host = host;
        _waitSeconds = waitSeconds;
        _eventSeconds = eventSeconds;
        _deleteFleetOnDispose = deleteFleetOnDispose;
        Orchestrator = host.Services.GetRequiredService<IOrchestrator>();
        _subscription = Orchestrator.Events.Subscribe(_events.Enqueue);
    }

    public IOrchestrator Orchestrator { get; }

    public IServiceProvider Services => _host.Services;

    public IContainerRuntime Runtime => _host.Services.GetRequiredService<IContainerRuntime>();

    /// <summary>Every event since the host was built, in order.</summary>
    public IReadOnlyList<OrchestrationEvent> Events => [.. _events];

    /// <summary>Builds and starts a host orchestrating <paramref name="workloads"/> as <paramref name="fleet"/>.</summary>
    /// <param name="docker">Configures the Docker runtime (nodes, pings); the default engine when null.</param>
    /// <param name="options">Configures the orchestrator beyond its fleet name.</param>
    /// <param name="waitSeconds">The deadline of <see cref="WaitForAsync"/> when a call gives none.</param>
    /// <param name="eventSeconds">The deadline of <see cref="WaitForEventAsync{T}"/> when a call gives none.</param>
    /// <param name="deleteFleetOnDispose">Whether disposing deletes the fleet before stopping the host.</param>
    /// <param name="configure">Adds more to the orchestration (service addresses, service discovery, clients).</param>
    public static async Task<OrchestratorHost> StartAsync(
        string fleet,
        IEnumerable<WorkloadSpec> workloads,
        Action<DockerRuntimeOptions>? docker = null,
        Action<OrchestrationOptions>? options = null,
        double waitSeconds = 60,
        double eventSeconds = 30,
        bool deleteFleetOnDispose = false,
        Action<IOrchestrationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var orchestration = builder.Services.AddOrchestration(o =>
        {
            o.FleetName = fleet;
            options?.Invoke(o);
        }).UseDocker(docker);
        foreach (var workload in workloads)
        {
            orchestration.AddWorkload(workload);
        }

        configure?.Invoke(orchestration);

        var host = new OrchestratorHost(builder.Build(), waitSeconds, eventSeconds, deleteFleetOnDispose);
        await host._host.StartAsync();
        return host;
    }

    /// <summary>Applies the fleet made of <paramref name="workloads"/>.</summary>
    public Task ApplyAsync(params WorkloadSpec[] workloads)
        => Orchestrator.ApplyAsync(new FleetSpec { Name = Orchestrator.FleetName, Workloads = [.. workloads] });

    /// <summary>Waits for a status that meets <paramref name="condition"/>; a timeout names the last events too.</summary>
    public async Task<FleetStatus> WaitForAsync(Func<FleetStatus, bool> condition, double? seconds = null)
    {
        try
        {
            return await Orchestrator.WaitForAsync(condition, TimeSpan.FromSeconds(seconds ?? _waitSeconds));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} Last events: {string.Join(" | ", _events.TakeLast(40).Select(x => $"{x.Time:HH:mm:ss.fff} {x.Message}"))}", e);
        }
    }

    /// <summary>Polls the recorded events until one matches, with a deadline.</summary>
    public async Task<T> WaitForEventAsync<T>(Func<T, bool> match, double? seconds = null)
        where T : OrchestrationEvent
    {
        var timeout = seconds ?? _eventSeconds;
        var deadline = DateTime.UtcNow.AddSeconds(timeout);
        while (DateTime.UtcNow < deadline)
        {
            if (_events.OfType<T>().FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No matching {typeof(T).Name} within {timeout} s; events: {string.Join(" | ", _events.Select(e => e.Message))}");
    }

    /// <summary>Stops the host (once: a test may stop it early and leave the disposal at the end of its scope).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            if (_deleteFleetOnDispose)
            {
                await Orchestrator.DeleteFleetAsync(deadline.Token);
            }
        }
        finally
        {
            await _host.StopAsync(deadline.Token);
            _subscription.Dispose();
            _host.Dispose();
        }
    }
}
