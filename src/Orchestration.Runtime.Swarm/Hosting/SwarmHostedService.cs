using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orchestration.DependencyInjection;

namespace Orchestration.Runtime.Swarm.Hosting;

/// <summary>Applies the workloads registered with <c>AddWorkload</c> to the swarm when the host starts (an invalid or
/// unsupported fleet fails the start with every problem listed). On stop it only stops following the swarm: the fleet
/// keeps running there, unless <see cref="OrchestrationOptions.DeleteFleetOnStop"/> is set.</summary>
internal sealed class SwarmHostedService : IHostedService
{
    private readonly SwarmOrchestrator _orchestrator;
    private readonly IEnumerable<WorkloadRegistration> _registrations;
    private readonly OrchestrationOptions _options;

    public SwarmHostedService(SwarmOrchestrator orchestrator, IEnumerable<WorkloadRegistration> registrations, IOptions<OrchestrationOptions> options)
    {
        _orchestrator = orchestrator;
        _registrations = registrations;
        _options = options.Value;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var fleet = new FleetBuilder(_options.FleetName);
        foreach (var registration in _registrations)
        {
            registration.AddTo(fleet);
        }

        await _orchestrator.ApplyAsync(fleet.Build(), cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_options.DeleteFleetOnStop)
        {
            await _orchestrator.DeleteFleetAsync(cancellationToken).ConfigureAwait(false);
        }

        await _orchestrator.StopAsync().ConfigureAwait(false);
    }
}
