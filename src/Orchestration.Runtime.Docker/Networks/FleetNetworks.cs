using System.Collections.Concurrent;
using Docker.DotNet.Models;
using Microsoft.Extensions.Options;
using Orchestration.Runtime.Docker.Client;

namespace Orchestration.Runtime.Docker.Networks;

/// <summary>The user-defined bridge network of each fleet, one per node, labelled with the fleet label. Replicas
/// join it with their workload name as DNS alias, so containers reach each other by workload name.
/// Docker does not keep network names unique, so creation is serialized per node and fleet in this process, and
/// duplicates created by a concurrent process are removed, keeping the oldest.</summary>
internal sealed class FleetNetworks(IOptions<DockerRuntimeOptions> options)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public string NameOf(string fleet) => options.Value.SharedNetwork ?? options.Value.NetworkPrefix + fleet;

    /// <summary>Whether fleets share a network that the runtime neither creates nor removes.</summary>
    private bool Shared => options.Value.SharedNetwork is not null;

    /// <summary>Creates the fleet's network on <paramref name="node"/> unless it exists. Idempotent and safe to race.</summary>
    public async Task EnsureAsync(DockerNode node, string fleet, CancellationToken cancellationToken)
    {
        if (Shared)
        {
            return;
        }

        var name = NameOf(fleet);
        var gate = _locks.GetOrAdd($"{node.Name}/{name}", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var existing = await FindAsync(node, name, cancellationToken).ConfigureAwait(false);
            if (existing.Count > 0)
            {
                if (existing.Any(n => n.Labels.Find(OrchestrationLabels.Fleet) != fleet))
                {
                    throw new DockerEngineException(node.Name, $"a network named '{name}' exists but does not belong to fleet '{fleet}' (label {OrchestrationLabels.Fleet}); remove or rename it");
                }

                await RemoveDuplicatesAsync(node, existing, cancellationToken).ConfigureAwait(false);
                return;
            }

            await CreateAsync(node, fleet, name, cancellationToken).ConfigureAwait(false);
            await RemoveDuplicatesAsync(node, await FindAsync(node, name, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Removes every network carrying the fleet label on <paramref name="node"/>.</summary>
    public async Task DeleteAsync(DockerNode node, string fleet, CancellationToken cancellationToken)
    {
        if (Shared)
        {
            return;
        }

        var networks = await node.CallAsync(
            (c, ct) => c.Networks.ListNetworksAsync(
                new NetworksListParameters { Filters = Filters.Label(OrchestrationLabels.Fleet, fleet) }, ct),
            cancellationToken).ConfigureAwait(false);
        foreach (var network in networks.Where(n => n.Labels.Find(OrchestrationLabels.Fleet) == fleet))
        {
            await DeleteAsync(node, network, $"removing network '{network.Name}' of fleet '{fleet}'", cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task CreateAsync(DockerNode node, string fleet, string name, CancellationToken cancellationToken)
    {
        try
        {
            await node.CallAsync(
                (c, ct) => c.Networks.CreateNetworkAsync(
                    new NetworksCreateParameters
                    {
                        Name = name,
                        Driver = "bridge",
                        Labels = new Dictionary<string, string>(StringComparer.Ordinal) { [OrchestrationLabels.Fleet] = fleet },
                    },
                    ct),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (EngineErrors.IsConflict(e))
        {
            // Created concurrently by another process.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw EngineErrors.Wrap(node.Name, $"creating network '{name}'", e);
        }
    }

    private static async Task RemoveDuplicatesAsync(DockerNode node, IReadOnlyList<NetworkResponse> sameName, CancellationToken cancellationToken)
    {
        foreach (var duplicate in sameName.OrderBy(n => n.Created).ThenBy(n => n.ID, StringComparer.Ordinal).Skip(1))
        {
            await DeleteAsync(node, duplicate, $"removing duplicate network '{duplicate.Name}'", cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task DeleteAsync(DockerNode node, NetworkResponse network, string action, CancellationToken cancellationToken)
    {
        try
        {
            await node.CallAsync((c, ct) => c.Networks.DeleteNetworkAsync(network.ID, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (EngineErrors.IsNotFound(e))
        {
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw EngineErrors.Wrap(node.Name, action, e);
        }
    }

    private static async Task<IReadOnlyList<NetworkResponse>> FindAsync(DockerNode node, string name, CancellationToken cancellationToken)
    {
        // The name filter matches substrings; keep exact matches only.
        var networks = await node.CallAsync(
            (c, ct) => c.Networks.ListNetworksAsync(
                new NetworksListParameters { Filters = Filters.Of("name", name) }, ct),
            cancellationToken).ConfigureAwait(false);
        return [.. networks.Where(n => string.Equals(n.Name, name, StringComparison.Ordinal))];
    }
}
