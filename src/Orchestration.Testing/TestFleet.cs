using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Runtime;
using Orchestration.Events;
using Orchestration.Runtime.Docker;
using Orchestration.Testing.Events;
using Orchestration.Testing.Logs;
using Orchestration.Testing.Readiness;
using Orchestration.Testing.Reuse;
using Orchestration.Testing.Sessions;

namespace Orchestration.Testing;

/// <summary>A fleet started on real Docker engines for one test or one test class: its own orchestrator and service
/// provider, a unique fleet name, endpoints and logs by workload, and removal on dispose. Every container and network it
/// creates carries the session label of this test process, so a watchdog process removes them if this process dies
/// without disposing the fleet, and the next harness start sweeps what killed processes left behind.</summary>
/// <example>
/// <code>
/// await using var fleet = await TestFleet.StartAsync(b => b
///     .AddWorkload&lt;OrdersApi&gt;()
///     .AddWorkload("cache", w => w.Image("redis:7").Port("redis", 6379)));
/// var orders = fleet.Endpoint&lt;OrdersApi&gt;("http");
/// </code>
/// </example>
public sealed partial class TestFleet : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly FleetEngines _engines;
    private readonly TestFleetOptions _options;
    private readonly LogWriters _writers;
    private readonly EventRecorder _events;
    private readonly ContainerLogCapture _logs;
    private const string DefaultNetwork = "bridge";

    private int _disposed;
    private string? _reuseKey;
    private bool _keepOnDispose;

    private TestFleet(IHost host, FleetEngines engines, FleetSpec spec, string session, TestFleetOptions options, TestFleetBuilder builder)
    {
        _host = host;
        _engines = engines;
        _options = options;
        Spec = spec;
        Session = session;
        Orchestrator = host.Services.GetRequiredService<IOrchestrator>();
        Runtime = host.Services.GetRequiredService<IContainerRuntime>();
        _writers = new LogWriters();
        foreach (var writer in builder.LogWriters)
        {
            _writers.Add(writer);
        }

        _events = new EventRecorder(Orchestrator, builder.EventHandlers);
        _logs = new ContainerLogCapture(
            Orchestrator,
            host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Orchestration.Testing.ContainerLogs"),
            _writers,
            options.KeptLogLines);
    }

    /// <summary>The fleet's name, unique per harness: <c>{prefix}-{random}</c>. Every container carries it as the
    /// fleet label.</summary>
    public string Name => Spec.Name;

    /// <summary>The session label value shared by every fleet of this test process.</summary>
    public string Session { get; }

    /// <summary>The fleet as applied.</summary>
    public FleetSpec Spec { get; }

    /// <summary>The fleet's orchestrator: status, events, scaling, waiting for conditions.</summary>
    public IOrchestrator Orchestrator { get; }

    /// <summary>Every event of the fleet since before it started (replayed to each new subscriber), then each new one
    /// as it is published. <see cref="IOrchestrator.Events"/> gives new events only.</summary>
    public IObservable<OrchestrationEvent> Events => _events.Events;

    /// <summary>The fleet's own services.</summary>
    public IServiceProvider Services => _host.Services;

    private IContainerRuntime Runtime { get; }

    /// <summary>Starts a fleet: validates the workloads, makes sure the watchdog watches the engines (sweeping what dead
    /// test processes left), starts the orchestrator and, unless <see cref="TestFleetOptions.WaitUntilReady"/> is off,
    /// waits until every workload is ready.</summary>
    /// <param name="configure">Declares the workloads and settings.</param>
    /// <param name="options">Harness settings; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Abandons the start; what was created is removed.</param>
    /// <exception cref="SpecValidationException">The workloads are invalid; nothing was created.</exception>
    /// <exception cref="FleetNotReadyException">The fleet did not become ready in time; it was removed.</exception>
    /// <exception cref="InvalidOperationException">No engine answers, or the watchdog cannot start.</exception>
    public static async Task<TestFleet> StartAsync(Action<TestFleetBuilder> configure, TestFleetOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configure);
        options ??= new TestFleetOptions();
        options.Validate();
        var builder = new TestFleetBuilder();
        configure(builder);
        if (!builder.HasWorkloads)
        {
            throw new ArgumentException("A test fleet needs at least one workload.", nameof(configure));
        }

        var session = SessionLabel.Current;
        var name = options.ReuseKey is { } key
            ? $"{options.FleetNamePrefix}-{key}"
            : $"{options.FleetNamePrefix}-{RandomNumberGenerator.GetHexString(10, lowercase: true)}";
        var spec = FastProbes.Apply(builder.BuildFleet(name), options.FastProbePeriod);

        if (!options.Isolated)
        {
            builder.ConfigureDocker(o => o.SharedNetwork ??= DefaultNetwork);
        }

        var hostBuilder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        hostBuilder.Services.AddLogging();
        builder.Apply(hostBuilder.Services, name, spec.Workloads);
        var probeDocker = new DockerRuntimeOptions();
        builder.ConfigureDockerOptions(probeDocker);
        var engines = FleetEngines.Of(probeDocker);
        var labels = options.ReuseKey is { } reuseKey
            ? new Dictionary<string, string>(StringComparer.Ordinal) { [ReuseDirectory.ReuseLabel] = reuseKey, [ReuseDirectory.SpecHashLabel] = SpecHash.Of(spec, engines.Endpoints) }
            : new Dictionary<string, string>(StringComparer.Ordinal) { [SessionLabel.Key] = session.ToString() };
        SessionLabellingRuntime.Decorate(hostBuilder.Services, labels);
        var host = hostBuilder.Build();
        var docker = host.Services.GetRequiredService<IOptions<DockerRuntimeOptions>>().Value;
        var fleet = new TestFleet(host, engines, spec, session.ToString(), options, builder);
        try
        {
            if (options.ReuseKey is { } reused)
            {
                await fleet.StartReusedAsync(reused, labels, docker, builder.ResetCommands, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await fleet.StartHostAsync(labels, docker, cancellationToken).ConfigureAwait(false);
            }

            return fleet;
        }
        catch (Exception failure)
        {
            await fleet.DisposeAfterFailedStartAsync(failure).ConfigureAwait(false);
            throw;
        }
    }

    private async Task StartHostAsync(IReadOnlyDictionary<string, string> labels, DockerRuntimeOptions docker, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        await _engines.ConnectAsync(deadline.Token).ConfigureAwait(false);

        // The network carries the session label from the start, so the watchdog's sweep of dead sessions leaves it
        // alone and the watchdog removes it if this process dies. The sweep only touches dead sessions, so the fleet
        // starts while it runs; the start returns once the watchdog has confirmed.
        var watched = WatchOrSweepAsync(deadline.Token);
        try
        {
            if (docker.SharedNetwork is null)
            {
                await _engines.CreateNetworksAsync(Name, docker.NetworkPrefix, labels, deadline.Token).ConfigureAwait(false);
            }
            await _host.StartAsync(cancellationToken).ConfigureAwait(false);
            _logs.Start(Spec);
            if (_options.WaitUntilReady)
            {
                await WaitUntilReadyAsync(_options.ReadyTimeout, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            // The start's own failure is the one to report; the watchdog's is only observed.
            await watched.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }

        await watched.ConfigureAwait(false);
    }

    private async Task WatchOrSweepAsync(CancellationToken cancellationToken)
    {
        if (_options.Watchdog)
        {
            var watchdog = await WatchdogProcess.GetAsync(cancellationToken).ConfigureAwait(false);
            foreach (var engine in _engines.Engines)
            {
                await watchdog.WatchEngineAsync(engine, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await _engines.SweepDeadSessionsAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
