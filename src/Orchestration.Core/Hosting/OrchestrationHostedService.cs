using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orchestration.Reconciliation;

namespace Orchestration.Hosting;

/// <summary>Applies the workloads registered with <c>AddWorkload</c> when the host starts, so an invalid fleet (or one
/// with no runtime registered) fails the start with every problem listed; then starts the control loop. On stop, ends the loop, and deletes the fleet
/// when <see cref="OrchestrationOptions.DeleteFleetOnStop"/> is set.</summary>
internal sealed class OrchestrationHostedService : IHostedService
{
    private readonly Orchestrator _orchestrator;
    private readonly ControlLoop _loop;
    private readonly Configuration.ConfiguredFleet _fleet;
    private readonly OrchestrationOptions _options;
    private readonly IEnumerable<Runtime.IContainerRuntime> _runtimes;

    public OrchestrationHostedService(Orchestrator orchestrator, ControlLoop loop, Configuration.ConfiguredFleet fleet, IOptions<OrchestrationOptions> options, IEnumerable<Runtime.IContainerRuntime> runtimes)
    {
        _fleet = fleet;
        _runtimes = runtimes;
        _orchestrator = orchestrator;
        _loop = loop;
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
