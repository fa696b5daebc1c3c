using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Runtime.Swarm.Mapping;
using Orchestration.Runtime.Swarm.Observed;

namespace Orchestration.Runtime.Swarm.Applying;

/// <summary>Makes the swarm hold a fleet: its network, secrets and configs, then one service per workload, each created
/// once its dependencies are met, and no service the fleet no longer declares.</summary>
internal sealed partial class SwarmFleetApplier
{
    private readonly FleetResources _resources;
    private readonly SwarmServices _services;
    private readonly SwarmObserver _observer;
    private readonly SwarmRuntimeOptions _options;
    private readonly ILogger _logger;

    public SwarmFleetApplier(FleetResources resources, SwarmServices services, SwarmObserver observer, IOptions<SwarmRuntimeOptions> options, ILogger<SwarmFleetApplier> logger)
    {
        _resources = resources;
        _services = services;
        _observer = observer;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Everything a fleet's services refer to, created before any service.</summary>
    public async Task<PreparedFleet> PrepareAsync(FleetSpec fleet, IReadOnlyDictionary<string, string> secrets, CancellationToken cancellationToken)
    {
        await _resources.EnsureNetworkAsync(fleet.Name, cancellationToken).ConfigureAwait(false);
        var secretRefs = await _resources.EnsureSecretsAsync(fleet, secrets, cancellationToken).ConfigureAwait(false);
        var configRefs = await _resources.EnsureConfigsAsync(fleet, cancellationToken).ConfigureAwait(false);
        return new PreparedFleet(fleet, secretRefs, configRefs);
    }

    /// <summary>The Swarm spec of one workload of a prepared fleet.</summary>
    public ServiceSpec SpecOf(PreparedFleet prepared, WorkloadSpec spec)
        => ServiceSpecMapper.Map(
            spec,
            new SwarmServiceInputs(
                prepared.Fleet,
                _resources.NetworkName(prepared.Fleet.Name),
                prepared.Secrets.GetValueOrDefault(spec.Name) ?? [],
                prepared.Configs.GetValueOrDefault(spec.Name) ?? [],
                DependencyEnvironment.For(spec, prepared.Fleet)),
            _options);

    /// <summary>Creates or updates every workload's service, in dependency order, waiting for each dependency of a
    /// service that does not exist yet; then removes the fleet's other services and its unused secrets and configs.</summary>
    public async Task ConvergeAsync(Func<FleetSpec?> desired, PreparedFleet prepared, CancellationToken cancellationToken)
    {
        var fleet = prepared.Fleet;
        var pending = fleet.Workloads.ToList();
        var snapshot = await _observer.RefreshAsync(cancellationToken).ConfigureAwait(false);
        await RemoveUndeclaredAsync(fleet, snapshot, cancellationToken).ConfigureAwait(false);
        while (pending.Count > 0)
        {
            var progressed = false;
            foreach (var spec in pending.ToList())
            {
                // scaling may have changed the replica count since the apply
                var current = desired()?.Find(spec.Name) ?? spec;
                var existing = snapshot.Service(spec.Name);
                if (existing is null && !spec.Dependencies.All(d => DependencyGate.IsMet(d, fleet, snapshot)))
                {
                    continue;
                }

                var changed = await _services.CreateOrUpdateAsync(existing, SpecOf(prepared, current), cancellationToken).ConfigureAwait(false);
                if (changed)
                {
                    LogApplied(_logger, fleet.Name, spec.Name, existing is null ? "created" : "updated");
                }

                pending.Remove(spec);
                progressed = true;
            }

            if (progressed)
            {
                snapshot = await _observer.RefreshAsync(cancellationToken).ConfigureAwait(false);
            }
            else if (pending.Count > 0)
            {
                await _observer.Changed.WaitAsync(cancellationToken).ConfigureAwait(false);
                snapshot = _observer.Current;
            }
        }

        var inUse = snapshot.Services
            .SelectMany(s => (s.Spec?.TaskTemplate?.ContainerSpec?.Secrets ?? []).Select(r => r.SecretName)
                .Concat((s.Spec?.TaskTemplate?.ContainerSpec?.Configs ?? []).Select(r => r.ConfigName))
                .Concat(s.PreviousSpec?.TaskTemplate?.ContainerSpec?.Secrets?.Select(r => r.SecretName) ?? [])
                .Concat(s.PreviousSpec?.TaskTemplate?.ContainerSpec?.Configs?.Select(r => r.ConfigName) ?? []))
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        await _resources.RemoveUnusedAsync(fleet.Name, inUse, cancellationToken).ConfigureAwait(false);
    }

    private async Task RemoveUndeclaredAsync(FleetSpec fleet, SwarmSnapshot snapshot, CancellationToken cancellationToken)
    {
        foreach (var service in snapshot.Services)
        {
            var workload = SwarmSnapshot.WorkloadOf(service);
            if (fleet.Find(workload) is null)
            {
                await _services.RemoveAsync(service.ID, cancellationToken).ConfigureAwait(false);
                LogApplied(_logger, fleet.Name, workload, "removed (no longer declared)");
            }
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Fleet '{Fleet}': service of workload '{Workload}' {What}")]
    private static partial void LogApplied(ILogger logger, string fleet, string workload, string what);
}
