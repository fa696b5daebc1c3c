using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orchestration.Runtime;
using Orchestration.Runtime.Docker;
using Orchestration.Testing.Readiness;
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
    private int _disposed;

    private TestFleet(IHost host, FleetEngines engines, FleetSpec spec, string session, TestFleetOptions options)
    {
        _host = host;
        _engines = engines;
        _options = options;
        Spec = spec;
        Session = session;
        Orchestrator = host.Services.GetRequiredService<IOrchestrator>();
        Runtime = host.Services.GetRequiredService<IContainerRuntime>();
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
        var name = $"{options.FleetNamePrefix}-{RandomNumberGenerator.GetHexString(10, lowercase: true)}";
        var spec = FastProbes.Apply(builder.BuildFleet(name), options.FastProbePeriod);

        var hostBuilder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        hostBuilder.Services.AddLogging();
        builder.Apply(hostBuilder.Services, name, spec.Workloads);
        SessionLabellingRuntime.Decorate(hostBuilder.Services, session.ToString());
        var host = hostBuilder.Build();
        var engines = FleetEngines.Of(host.Services.GetRequiredService<IOptions<DockerRuntimeOptions>>().Value);
        var fleet = new TestFleet(host, engines, spec, session.ToString(), options);
        try
        {
            await fleet.PrepareEnginesAsync(session, host.Services.GetRequiredService<IOptions<DockerRuntimeOptions>>().Value.NetworkPrefix, cancellationToken).ConfigureAwait(false);
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            if (options.WaitUntilReady)
            {
                await fleet.WaitUntilReadyAsync(options.ReadyTimeout, cancellationToken).ConfigureAwait(false);
            }

            return fleet;
        }
        catch (Exception failure)
        {
            await fleet.DisposeAfterFailedStartAsync(failure).ConfigureAwait(false);
            throw;
        }
    }

    private async Task PrepareEnginesAsync(SessionLabel session, string networkPrefix, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        await _engines.ConnectAsync(deadline.Token).ConfigureAwait(false);
        // The network carries the session label from the start, so the watchdog's sweep of dead sessions leaves it
        // alone and the watchdog removes it if this process dies: both can go on at once.
        await Task.WhenAll(WatchOrSweepAsync(deadline.Token), _engines.CreateNetworksAsync(Name, networkPrefix, session, deadline.Token)).ConfigureAwait(false);
    }

    private async Task WatchOrSweepAsync(CancellationToken cancellationToken)
    {
        if (_options.Watchdog)
        {
            var watchdog = await WatchdogProcess.GetAsync(cancellationToken).ConfigureAwait(false);
            foreach (var endpoint in _engines.Endpoints)
            {
                await watchdog.WatchEngineAsync(endpoint, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await _engines.SweepDeadSessionsAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
