using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orchestration.Reconciliation;

namespace Orchestration.Hosting;

/// <summary>Applies the workloads registered with <c>AddWorkload</c> when the host starts, so an invalid fleet fails
/// the start with every problem listed; then starts the control loop. On stop, ends the loop, and deletes the fleet
/// when <see cref="OrchestrationOptions.DeleteFleetOnStop"/> is set.</summary>
internal sealed class OrchestrationHostedService : IHostedService
{
    private readonly Orchestrator _orchestrator;
    private readonly ControlLoop _loop;
    private readonly Configuration.ConfiguredFleet _fleet;
    private readonly OrchestrationOptions _options;

    public OrchestrationHostedService(Orchestrator orchestrator, ControlLoop loop, Configuration.ConfiguredFleet fleet, IOptions<OrchestrationOptions> options)
    {
        _fleet = fleet;
        _orchestrator = orchestrator;
        _loop = loop;
        _options = options.Value;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The registered workloads with what the configuration overrides (Orchestration:Workloads).
        await _orchestrator.ApplyAsync(_fleet.Compose(), cancellationToken).ConfigureAwait(false);
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
