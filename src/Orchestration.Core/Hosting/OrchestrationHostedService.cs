using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orchestration.Reconciliation;

namespace Orchestration.Hosting;

/// <summary>Applies the workloads registered with <c>AddWorkload</c> when the host starts, so an invalid fleet (or one
/// with no runtime registered) fails the start with every problem listed; then starts the control loop. On stop, ends the loop, and deletes the fleet
/// when <see cref="OrchestrationOptions.DeleteFleetOnStop"/> is set and this instance leads. The deletion runs while
/// the host is stopping, before any hosted service stops, so a leader deletes while it still holds its lease (leader
/// election releases it in its own stop); an instance that does not lead leaves the fleet to the leader.</summary>
internal sealed class OrchestrationHostedService : IHostedLifecycleService
{
    private readonly Orchestrator _orchestrator;
    private readonly ControlLoop _loop;
    private readonly Configuration.ConfiguredFleet _fleet;
    private readonly OrchestrationOptions _options;
    private readonly IEnumerable<Runtime.IContainerRuntime> _runtimes;
    private bool _deletionDecided;

    public OrchestrationHostedService(Orchestrator orchestrator, ControlLoop loop, Configuration.ConfiguredFleet fleet, IOptions<OrchestrationOptions> options, IEnumerable<Runtime.IContainerRuntime> runtimes)
    {
        _fleet = fleet;
        _runtimes = runtimes;
        _orchestrator = orchestrator;
        _loop = loop;
        _options = options.Value;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => DeleteIfLeadingAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host that calls StopAsync only (no lifecycle) decides here.
        await DeleteIfLeadingAsync(cancellationToken).ConfigureAwait(false);
        await _loop.StopAsync().ConfigureAwait(false);
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task DeleteIfLeadingAsync(CancellationToken cancellationToken)
    {
        if (!_options.DeleteFleetOnStop || _deletionDecided)
        {
            return;
        }

        _deletionDecided = true;
        if (!_orchestrator.IsLeader)
        {
            // Another instance leads (or this one lost its lease): the fleet is its to keep or delete.
            return;
        }

        try
        {
            await _orchestrator.DeleteFleetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Leadership.NotLeaderException)
        {
            // The lease was lost midway: the rest of the fleet is the next leader's.
        }
    }
}
