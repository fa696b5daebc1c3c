using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orchestration.Reconciliation;

namespace Orchestration.Hosting;

/// <summary>Applies the workloads registered with <c>AddWorkload</c> when the host starts, so an invalid fleet (or one
/// with no runtime registered) fails the start with every problem listed; then starts the control loop. On stop, ends
/// the loop, and deletes the fleet when <see cref="OrchestrationOptions.DeleteFleetOnStop"/> is set and this instance
/// leads. The deletion runs while the host is stopping, before any hosted service stops, so a leader deletes while it
/// still holds its lease (leader election releases it in its own stop); an instance that does not lead leaves the fleet
/// to the leader. When another backend took the place of <see cref="IOrchestrator"/> (such as Docker Swarm), the
/// in-process loop has nothing to drive: it neither applies nor starts, and none of its parts is created.</summary>
internal sealed class OrchestrationHostedService : IHostedLifecycleService
{
    private readonly Orchestrator? _orchestrator;
    private readonly ControlLoop? _loop;
    private readonly Configuration.ConfiguredFleet? _fleet;
    private readonly Leadership.FleetStateHandover? _handover;
    private readonly Leadership.LeadershipResync? _resync;
    private readonly OrchestrationOptions _options;
    private readonly IEnumerable<Runtime.IContainerRuntime> _runtimes = [];
    private bool _deletionDecided;

    public OrchestrationHostedService(IOrchestrator orchestrator, IServiceProvider services, IOptions<OrchestrationOptions> options)
    {
        _options = options.Value;
        if (orchestrator is Orchestrator inProcess)
        {
            _orchestrator = inProcess;
            _loop = services.GetRequiredService<ControlLoop>();
            _fleet = services.GetRequiredService<Configuration.ConfiguredFleet>();
            _handover = services.GetRequiredService<Leadership.FleetStateHandover>();
            _resync = services.GetRequiredService<Leadership.LeadershipResync>();
            _runtimes = services.GetServices<Runtime.IContainerRuntime>();
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_orchestrator is null || _loop is null || _fleet is null)
        {
            return;
        }

        if (!_runtimes.Any())
        {
            throw new InvalidOperationException(
                $"Fleet '{_options.FleetName}' has no container runtime, so nothing could ever run: call UseDocker() (Orchestration.Runtime.Docker) " +
                "or UseInMemoryRuntime() on the builder that AddOrchestration() returns.");
        }

        // The registered workloads with what the configuration overrides (Orchestration:Workloads).
        await _orchestrator.ApplyAsync(_fleet.Compose(), cancellationToken).ConfigureAwait(false);
        _handover?.RememberRegistered();
        await _loop.StartAsync(cancellationToken).ConfigureAwait(false);
        _resync?.Start();
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => DeleteIfLeadingAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_loop is null)
        {
            return;
        }

        // A host that calls StopAsync only (no lifecycle) decides here.
        await DeleteIfLeadingAsync(cancellationToken).ConfigureAwait(false);
        _resync?.Stop();
        await _loop.StopAsync().ConfigureAwait(false);
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task DeleteIfLeadingAsync(CancellationToken cancellationToken)
    {
        if (_orchestrator is null || !_options.DeleteFleetOnStop || _deletionDecided)
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
