using Microsoft.Extensions.DependencyInjection;
using Orchestration.Events;
using Orchestration.Runtime.Docker;

namespace Orchestration.Testing;

/// <summary>Declares a test fleet: its workloads, and optionally orchestrator, Docker and service settings. The fleet's
/// name is chosen by the harness (unique per fleet), so that tests run in parallel without sharing containers.</summary>
public sealed class TestFleetBuilder
{
    private readonly List<Action<FleetBuilder>> _workloads = [];
    private Action<OrchestrationOptions>? _orchestration;
    private Action<DockerRuntimeOptions>? _docker;
    private readonly List<Action<OrchestrationEvent>> _eventHandlers = [];
    private readonly List<Action<string>> _logWriters = [];
    private readonly List<(string Workload, string[] Command)> _resets = [];
    private Action<IServiceCollection>? _services;
    private Action<IOrchestrationBuilder>? _backend;

    internal TestFleetBuilder()
    {
    }

    /// <summary>Adds a typed workload: a <c>[Workload]</c> partial class whose spec the generator wrote.</summary>
    public TestFleetBuilder AddWorkload<TWorkload>()
        where TWorkload : ITypedWorkload
    {
        _workloads.Add(f => f.AddWorkload<TWorkload>());
        return this;
    }

    /// <summary>Adds a workload configured with the fluent builder.</summary>
    public TestFleetBuilder AddWorkload(string name, Action<WorkloadBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _workloads.Add(f => f.AddWorkload(name, configure));
        return this;
    }

    /// <summary>Adds a workload spec as it is.</summary>
    public TestFleetBuilder AddWorkload(WorkloadSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        _workloads.Add(f => f.AddWorkload(spec));
        return this;
    }

    /// <summary>Adjusts the orchestrator's options. The fleet name is set by the harness and cannot be changed.</summary>
    public TestFleetBuilder ConfigureOrchestration(Action<OrchestrationOptions> configure)
    {
        _orchestration += configure;
        return this;
    }

    /// <summary>Adjusts the Docker runtime's options: engines, security allowances, timeouts.</summary>
    public TestFleetBuilder ConfigureDocker(Action<DockerRuntimeOptions> configure)
    {
        _docker += configure;
        return this;
    }

    /// <summary>Adds services to the fleet's own service provider, such as an <see cref="ISecretResolver"/> or logging
    /// providers.</summary>
    public TestFleetBuilder ConfigureServices(Action<IServiceCollection> configure)
    {
        _services += configure;
        return this;
    }

    /// <summary>Extends the fleet's orchestration builder after the Docker runtime is added, such as to run the fleet on
    /// another backend: <c>b.ConfigureOrchestrationBuilder(o =&gt; o.UseDockerSwarm(s =&gt; s.Manager = "unix:///…"))</c>.
    /// A fleet whose orchestrator is not the in-process control loop is deleted through that orchestrator on dispose.</summary>
    public TestFleetBuilder ConfigureOrchestrationBuilder(Action<IOrchestrationBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _backend += configure;
        return this;
    }

    /// <summary>Calls <paramref name="handler"/> with every event of the fleet, from the very first one: it is subscribed
    /// before the fleet starts. Handlers run on the orchestrator's threads and must not block.
    /// <see cref="TestFleet.Events"/> replays the same events to subscribers that come later.</summary>
    public TestFleetBuilder OnEvent(Action<OrchestrationEvent> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _eventHandlers.Add(handler);
        return this;
    }

    /// <summary>Writes every line the fleet's containers write, from the start of the fleet until it is removed, to
    /// <paramref name="writer"/> as <c>[workload/replica] text</c>: pass xunit's <c>ITestOutputHelper.WriteLine</c>.
    /// <see cref="TestFleet.WriteLogsTo"/> attaches a writer for a while (one test of a shared fleet).</summary>
    public TestFleetBuilder WriteLogsTo(Action<string> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _logWriters.Add(writer);
        return this;
    }

    /// <summary>Runs <paramref name="command"/> in every replica of <paramref name="workload"/> each time a kept fleet
    /// (<see cref="TestFleetOptions.ReuseKey"/>) is adopted, before the start returns: a reset for tests that need clean
    /// state, such as emptying a database. A command that fails fails the start. A fleet made anew is not reset.</summary>
    public TestFleetBuilder ResetWith(string workload, params string[] command)
    {
        ArgumentException.ThrowIfNullOrEmpty(workload);
        ArgumentNullException.ThrowIfNull(command);
        if (command.Length == 0)
        {
            throw new ArgumentException($"The reset command of workload '{workload}' is empty.", nameof(command));
        }

        _resets.Add((workload, command));
        return this;
    }

    internal bool HasWorkloads => _workloads.Count > 0;

    internal IReadOnlyList<(string Workload, string[] Command)> ResetCommands => _resets;

    internal void ConfigureDockerOptions(DockerRuntimeOptions options) => _docker?.Invoke(options);

    internal IReadOnlyList<Action<OrchestrationEvent>> EventHandlers => _eventHandlers;

    internal IReadOnlyList<Action<string>> LogWriters => _logWriters;

    /// <summary>Validates every workload together and returns the fleet.</summary>
    internal FleetSpec BuildFleet(string name)
    {
        var fleet = new FleetBuilder(name);
        foreach (var add in _workloads)
        {
            add(fleet);
        }

        return fleet.Build();
    }

    internal void Apply(IServiceCollection services, string fleetName, IEnumerable<WorkloadSpec> workloads)
    {
        _services?.Invoke(services);
        var orchestration = services.AddOrchestration(o =>
        {
            _orchestration?.Invoke(o);
            o.FleetName = fleetName;
            o.DeleteFleetOnStop = false;
        });
        orchestration.UseDocker(_docker);
        _backend?.Invoke(orchestration);
        foreach (var workload in workloads)
        {
            orchestration.AddWorkload(workload);
        }
    }
}
