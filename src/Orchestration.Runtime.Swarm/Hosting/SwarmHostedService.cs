using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Orchestration.Runtime.Swarm.Hosting;

/// <summary>Applies the declared fleet (the workloads registered with <c>AddWorkload</c>, configuration overrides
/// applied) to the swarm when the host starts (an invalid or
/// unsupported fleet fails the start with every problem listed). On stop it only stops following the swarm: the fleet
/// keeps running there, unless <see cref="OrchestrationOptions.DeleteFleetOnStop"/> is set.</summary>
internal sealed class SwarmHostedService : IHostedService
{
    private readonly SwarmOrchestrator _orchestrator;
    private readonly IDeclaredFleet _fleet;
    private readonly OrchestrationOptions _options;

    public SwarmHostedService(SwarmOrchestrator orchestrator, IDeclaredFleet fleet, IOptions<OrchestrationOptions> options)
    {
        _orchestrator = orchestrator;
        _fleet = fleet;
        _options = options.Value;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _orchestrator.ApplyAsync(_fleet.Compose(), cancellationToken).ConfigureAwait(false);
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
