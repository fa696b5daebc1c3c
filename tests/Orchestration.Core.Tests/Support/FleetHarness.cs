using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Events;
using Orchestration.InMemory;
using Orchestration.Reconciliation;
using Orchestration.Runtime;

namespace Orchestration.Tests.Support;

/// <summary>An orchestrator on the in-memory runtime under a fake clock. Time only moves when a test advances it;
/// <see cref="SettleAsync"/> waits (with a real-time deadline, never a sleep) until the control loop has nothing
/// left to do at the current instant.</summary>
internal sealed class FleetHarness : IAsyncDisposable
{
    private static readonly TimeSpan RealDeadline = TimeSpan.FromSeconds(30);
    private readonly List<OrchestrationEvent> _events = [];
    private readonly IDisposable _subscription;
    private readonly IHostedService[] _hosted;

    private FleetHarness(ServiceProvider services, FakeTimeProvider time)
    {
        Services = services;
        Time = time;
        Runtime = services.GetRequiredService<InMemoryRuntime>();
        Orchestrator = services.GetRequiredService<IOrchestrator>();
        Loop = services.GetRequiredService<ControlLoop>();
        _hosted = [.. services.GetServices<IHostedService>()];
        _subscription = Orchestrator.Events.Subscribe(Record);
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public InMemoryRuntime Runtime { get; }

    public IOrchestrator Orchestrator { get; }

    public ControlLoop Loop { get; }

    public IReadOnlyList<OrchestrationEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public WorkloadStatus this[string workload] => Orchestrator.GetStatus()[workload] ?? throw new InvalidOperationException($"No workload '{workload}'.");

    public static Task<FleetHarness> StartAsync(Action<InMemoryRuntimeOptions> nodes, params WorkloadSpec[] workloads)
        => StartAsync(nodes, null, null, workloads);

    public static Task<FleetHarness> StartAsync(
        Action<InMemoryRuntimeOptions> nodes,
        Action<OrchestrationOptions>? configure,
        FleetHarness? sharedWith,
        params WorkloadSpec[] workloads)
        => StartCoreAsync(nodes, configure, sharedWith, null, workloads);

    /// <summary>Like <see cref="StartAsync(Action{InMemoryRuntimeOptions}, WorkloadSpec[])"/>, then lets
    /// <paramref name="services"/> change the registrations (such as wrapping the runtime) before the host starts.</summary>
    public static Task<FleetHarness> StartWithServicesAsync(
        Action<InMemoryRuntimeOptions> nodes,
        Action<OrchestrationOptions>? configure,
        Action<IServiceCollection> services,
        params WorkloadSpec[] workloads)
        => StartCoreAsync(nodes, configure, null, services, workloads);

    private static async Task<FleetHarness> StartCoreAsync(
        Action<InMemoryRuntimeOptions> nodes,
        Action<OrchestrationOptions>? configure,
        FleetHarness? sharedWith,
        Action<IServiceCollection>? changeServices,
        WorkloadSpec[] workloads)
    {
        var runtime = sharedWith?.Runtime;
        var time = sharedWith?.Time ?? new FakeTimeProvider();
        var services = new ServiceCollection();
        services.AddLogging();
        var builder = services.AddOrchestration(o =>
        {
            o.FleetName = "test";
            o.Workers = 2;
            configure?.Invoke(o);
        });
        services.AddSingleton<TimeProvider>(time);
        if (runtime is null)
        {
            builder.UseInMemoryRuntime(nodes);
        }
        else
        {
            services.AddSingleton(runtime);
            builder.UseInMemoryRuntime();
        }

        foreach (var w in workloads)
        {
            builder.AddWorkload(w);
        }

        changeServices?.Invoke(services);
        var provider = services.BuildServiceProvider();
        var harness = new FleetHarness(provider, (FakeTimeProvider)provider.GetRequiredService<TimeProvider>());
        foreach (var hosted in harness._hosted)
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        await harness.SettleAsync();
        return harness;
    }

    public static WorkloadSpec Service(string name, int replicas, Action<WorkloadBuilder>? configure = null)
    {
        var b = new WorkloadBuilder(name).Image("app:1").Replicas(replicas).Port("http", 8080);
        configure?.Invoke(b);
        return b.Build();
    }

    /// <summary>Waits until the loop is idle, every runtime event was handled, and nothing changed meanwhile.</summary>
    public async Task SettleAsync()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var stable = 0;
        while (started.Elapsed < RealDeadline)
        {
            var queue = Loop.Queue;
            if (queue is null)
            {
                return;
            }

            var before = queue.Activity;
            await queue.WhenIdleAsync().WaitAsync(RealDeadline);
            if (Runtime.UndeliveredEvents == 0 && queue.IsIdle && queue.Activity == before)
            {
                if (++stable >= 3)
                {
                    return;
                }
            }
            else
            {
                stable = 0;
            }

            await Task.Yield();
        }

        throw new TimeoutException("The control loop did not settle.");
    }

    /// <summary>Advances fake time by <paramref name="total"/> in steps, settling after each.</summary>
    public async Task AdvanceAsync(TimeSpan total, TimeSpan? step = null)
    {
        var s = step ?? TimeSpan.FromMilliseconds(100);
        for (var t = TimeSpan.Zero; t < total; t += s)
        {
            Time.Advance(s);
            await SettleAsync();
        }
    }

    /// <summary>Settles and advances time until <paramref name="condition"/> holds, for at most
    /// <paramref name="maxFakeTime"/> of fake time.</summary>
    public async Task<FleetStatus> UntilAsync(Func<FleetStatus, bool> condition, TimeSpan? maxFakeTime = null, TimeSpan? step = null)
    {
        var limit = Time.GetUtcNow() + (maxFakeTime ?? TimeSpan.FromMinutes(5));
        var s = step ?? TimeSpan.FromMilliseconds(100);
        await SettleAsync();
        while (true)
        {
            var status = Orchestrator.GetStatus();
            if (condition(status))
            {
                return status;
            }

            if (Time.GetUtcNow() >= limit)
            {
                throw new TimeoutException("Condition not reached; status: " + string.Join("; ", status.Workloads.Select(w =>
                    $"{w.Name} {w.Phase} desired {w.Desired} ready {w.Ready}: {string.Join(", ", w.Replicas.Select(r => $"{r.Id} {r.Phase} {r.Node} {r.Reason}"))}")));
            }

            Time.Advance(s);
            await SettleAsync();
        }
    }

    /// <summary>Containers of <paramref name="workload"/> running on nodes that answer.</summary>
    public IReadOnlyList<ContainerInfo> Running(string workload)
    {
        var ready = Runtime.Nodes.Where(n => n.State == NodeState.Ready).Select(n => n.Name).ToHashSet();
        return [.. Runtime.Containers.Where(c => c.Label(OrchestrationLabels.Workload) == workload && c.State == ContainerState.Running && ready.Contains(c.Ref.Node))];
    }

    public IReadOnlyList<T> EventsOf<T>()
        where T : OrchestrationEvent
        => [.. Events.OfType<T>()];

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _hosted.Reverse())
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        _subscription.Dispose();
        await Services.DisposeAsync();
    }

    private void Record(OrchestrationEvent value)
    {
        lock (_events)
        {
            _events.Add(value);
        }
    }
}
