using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Options;
using Orchestration.Leadership;
using Orchestration.Runtime;

namespace Orchestration.Reconciliation;

/// <summary>Turns a replica into a <see cref="ContainerLaunch"/>: name, ownership labels, environment with dependency
/// addresses and resolved secrets. Secret values go into the launch only, never into events or logs.</summary>
internal sealed class LaunchFactory
{
    private readonly string _fleet;
    private readonly ISecretResolver? _secrets;
    private readonly IEnumerable<IDependencyEnvironment> _dependencies;
    private readonly ILeadership? _leadership;

    private readonly Secrets.ResolvedContents? _contents;

    public LaunchFactory(IOptions<OrchestrationOptions> options, IEnumerable<IDependencyEnvironment> dependencies, ISecretResolver? secrets = null, Secrets.ResolvedContents? contents = null, ILeadership? leadership = null)
    {
        _contents = contents;
        _leadership = leadership;
        _fleet = options.Value.FleetName;
        _secrets = secrets;
        _dependencies = dependencies;
    }

    /// <summary>This orchestrator instance's id, put on every container it creates.</summary>
    public string Owner { get; } = Guid.NewGuid().ToString("n")[..12];

    /// <summary>The name of the replica's <paramref name="attempt"/>th container: distinct for every attempt, so a
    /// replacement is created while the container it replaces is still being removed.</summary>
    public static string ContainerName(string fleet, string workload, string replicaId, int attempt)
        => string.Create(CultureInfo.InvariantCulture, $"{fleet}-{workload}-{replicaId}-{attempt}");

    public async ValueTask<ContainerLaunch> CreateAsync(WorkloadSpec workload, ReplicaRecord replica, string node, CancellationToken cancellationToken)
    {
        var replicaId = replica.Id;
        var attempt = replica.Attempt;
        var environment = new SortedDictionary<string, string>(workload.Environment, StringComparer.Ordinal);
        foreach (var dependency in _dependencies)
        {
            dependency.Contribute(_fleet, workload, environment);
        }

        var content = _contents?.Find(workload);
        if (content is null && !workload.Files.IsDefaultOrEmpty)
        {
            throw new InvalidOperationException($"The files of workload '{workload.Name}' were not resolved: its revision was not applied through {nameof(IOrchestrator.ApplyAsync)} in this process.");
        }

        foreach (var (name, value) in content?.SecretEnvironment ?? ImmutableSortedDictionary<string, string>.Empty)
        {
            environment[name] = value;
        }

        foreach (var secret in content is null ? workload.Secrets : [])
        {
            if (_secrets is null)
            {
                throw new InvalidOperationException($"Workload '{workload.Name}' uses secret '{secret.SecretName}' but no {nameof(ISecretResolver)} is registered.");
            }

            environment[secret.EnvironmentVariable] = await _secrets.ResolveAsync(secret.SecretName, cancellationToken).ConfigureAwait(false);
        }

        var labels = workload.Labels.WithComparers(StringComparer.Ordinal).SetItems(
        [
            new(OrchestrationLabels.Fleet, _fleet),
            new(OrchestrationLabels.Workload, workload.Name),
            new(OrchestrationLabels.Replica, replicaId),
            new(OrchestrationLabels.Revision, workload.Revision),
            new(OrchestrationLabels.Owner, Owner),
            new(OrchestrationLabels.Attempt, attempt.ToString(CultureInfo.InvariantCulture)),
        ]);
        if (_leadership?.Term is > 0 and var term)
        {
            labels = labels.SetItem(OrchestrationLabels.Term, term.ToString(CultureInfo.InvariantCulture));
        }

        if (replica.RunId is { } run)
        {
            labels = labels.SetItem(OrchestrationLabels.Run, run);
        }

        return new ContainerLaunch
        {
            Fleet = _fleet,
            Container = ResolvedContainerSpec.From(workload),
            ReplicaId = replicaId,
            Node = node,
            Name = ContainerName(_fleet, workload.Name, replicaId, attempt),
            Labels = labels,
            Environment = environment.ToImmutableSortedDictionary(StringComparer.Ordinal),
            NetworkAliases = replica.Ordinal is { } ordinal ? [StatefulIdentity.Hostname(workload.Name, ordinal)] : [],
            Hostname = replica.Ordinal is { } o ? StatefulIdentity.Hostname(workload.Name, o) : null,
            Files = content?.Files ?? [],
            SecretValues = content?.SecretValues ?? [.. workload.Secrets.Select(s => environment[s.EnvironmentVariable])],
            ReplicaVolumes = replica.Ordinal is { } n
                ? [.. workload.StatefulSet.VolumeTemplates.Select(t => new MountSpec(MountKind.Volume, StatefulIdentity.VolumeName(_fleet, workload.Name, t.Name, n), t.Target, t.ReadOnly))]
                : [],
        };
    }
}
