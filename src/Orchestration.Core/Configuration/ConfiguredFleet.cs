using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Orchestration.DependencyInjection;

namespace Orchestration.Configuration;

/// <summary>The fleet of the workloads registered with <c>AddWorkload</c>, with the overrides of the application's
/// configuration (<see cref="WorkloadOverrides"/>) applied.</summary>
internal sealed class ConfiguredFleet(IEnumerable<WorkloadRegistration> registrations, IOptions<OrchestrationOptions> options, IConfiguration? configuration = null) : IDeclaredFleet
{
    public IConfiguration? Configuration => configuration;

    /// <exception cref="SpecValidationException">A workload or a configured value is invalid.</exception>
    public FleetSpec Compose()
    {
        var fleet = new FleetBuilder(options.Value.FleetName);
        foreach (var registration in registrations)
        {
            registration.AddTo(fleet);
        }

        var built = fleet.Build();
        return configuration is null ? built : WorkloadOverrides.Apply(built, configuration);
    }
}
