using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orchestration.DependencyInjection;
using Orchestration.Reconciliation;

namespace Orchestration.Hosting;

/// <summary>Applies the workloads registered with <c>AddWorkload</c> when the host starts, so an invalid fleet (or one
/// with no runtime registered) fails the start with every problem listed; then starts the control loop. On stop, ends the loop, and deletes the fleet
/// when <see cref="OrchestrationOptions.DeleteFleetOnStop"/> is set.</summary>
internal sealed class OrchestrationHostedService : IHostedService
{
    private readonly Orchestrator _orchestrator;
    private readonly ControlLoop _loop;
    private readonly IEnumerable<WorkloadRegistration> _registrations;
    private readonly OrchestrationOptions _options;
    private readonly IEnumerable<Runtime.IContainerRuntime> _runtimes;

    public OrchestrationHostedService(Orchestrator orchestrator, ControlLoop loop, IEnumerable<WorkloadRegistration> registrations, IOptions<OrchestrationOptions> options, IEnumerable<Runtime.IContainerRuntime> runtimes)
    {
        _runtimes = runtimes;
        _orchestrator = orchestrator;
        _loop = loop;
        _registrations = registrations;
        _options = options.Value;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_runtimes.Any())
        {
            throw new InvalidOperationException(
                $"Fleet '{_options.FleetName}' has no container runtime, so nothing could ever run: call UseDocker() (Orchestration.Runtime.Docker) " +
                "or UseInMemoryRuntime() on the builder that AddOrchestration() returns.");
        }

        var fleet = new FleetBuilder(_options.FleetName);
        foreach (var registration in _registrations)
        {
            registration.AddTo(fleet);
        }

        await _orchestrator.ApplyAsync(fleet.Build(), cancellationToken).ConfigureAwait(false);
        await _loop.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_options.DeleteFleetOnStop)
        {
            await _orchestrator.DeleteFleetAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _loop.StopAsync().ConfigureAwait(false);
        }
    }
}
