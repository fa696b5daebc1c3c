using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orchestration.DependencyInjection;

namespace Orchestration.Hosting;

/// <summary>Applies the workloads registered with <c>AddWorkload</c> when the host starts, so an invalid fleet fails
/// the start with every problem listed.</summary>
internal sealed class OrchestrationHostedService : IHostedService
{
    private readonly Orchestrator _orchestrator;
    private readonly IEnumerable<WorkloadRegistration> _registrations;
    private readonly OrchestrationOptions _options;

    public OrchestrationHostedService(Orchestrator orchestrator, IEnumerable<WorkloadRegistration> registrations, IOptions<OrchestrationOptions> options)
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

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
