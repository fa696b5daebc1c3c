using DockerSecretReference = Docker.DotNet.Models.SecretReference;
using System.Net;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestration.Runtime.Swarm.Mapping;

namespace Orchestration.Runtime.Swarm.Applying;

/// <summary>What a fleet owns on the swarm besides its services: its overlay network, its secrets and its configs.
/// Every one carries the fleet's label.</summary>
internal sealed class FleetResources
{
    private readonly SwarmManager _manager;
    private readonly SwarmRuntimeOptions _options;

    public FleetResources(SwarmManager manager, Microsoft.Extensions.Options.IOptions<SwarmRuntimeOptions> options)
    {
        _manager = manager;
        _options = options.Value;
    }

    public string NetworkName(string fleet) => SwarmNames.Network(_options.NetworkPrefix, fleet);

    /// <summary>Creates the fleet's attachable overlay network unless it exists.</summary>
    public async Task EnsureNetworkAsync(string fleet, CancellationToken cancellationToken)
    {
        var name = NetworkName(fleet);
        var existing = await _manager.CallAsync((c, ct) => c.Networks.ListNetworksAsync(new NetworksListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["name"] = new Dictionary<string, bool> { [name] = true } },
        }, ct), cancellationToken).ConfigureAwait(false);
        if (existing.Any(n => n.Name == name))
        {
            return;
        }

        try
        {
            await _manager.CallAsync((c, ct) => c.Networks.CreateNetworkAsync(new NetworksCreateParameters
            {
                Name = name,
                Driver = "overlay",
                Attachable = true,
                Labels = new Dictionary<string, string> { [OrchestrationLabels.Fleet] = fleet },
            }, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            // created meanwhile
        }
    }

    /// <summary>Creates a Swarm secret per resolved value (content-addressed, so an unchanged value is reused) and
    /// returns the references of each workload's secrets.</summary>
    public async Task<Dictionary<string, List<DockerSecretReference>>> EnsureSecretsAsync(FleetSpec fleet, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, List<DockerSecretReference>>(StringComparer.Ordinal);
        if (values.Count == 0)
        {
            return result;
        }

        var existing = (await _manager.CallAsync((c, ct) => c.Secrets.ListAsync(ct), cancellationToken).ConfigureAwait(false))
            .Where(s => s.Spec?.Name is not null).ToDictionary(s => s.Spec.Name!, s => s.ID, StringComparer.Ordinal);
        var ids = new Dictionary<string, (string Name, string Id)>(StringComparer.Ordinal);
        foreach (var (secret, value) in values)
        {
            var name = SwarmNames.Secret(_options.NetworkPrefix, fleet.Name, secret, value);
            if (!existing.TryGetValue(name, out var id))
            {
                var created = await _manager.CallAsync((c, ct) => c.Secrets.CreateAsync(new SwarmSecretSpec
                {
                    Name = name,
                    Data = Encoding.UTF8.GetBytes(value),
                    Labels = new Dictionary<string, string> { [OrchestrationLabels.Fleet] = fleet.Name, [SwarmNames.SecretLabel] = secret },
                }, ct), cancellationToken).ConfigureAwait(false);
                id = created.ID;
            }

            ids[secret] = (name, id);
        }

        foreach (var spec in fleet.Workloads)
        {
            result[spec.Name] = [.. spec.Secrets.Select(s => new DockerSecretReference
            {
                SecretName = ids[s.SecretName].Name,
                SecretID = ids[s.SecretName].Id,
                File = new SecretReferenceFileTarget { Name = s.EnvironmentVariable, UID = "0", GID = "0", Mode = 0x124 },
            })];
        }

        return result;
    }

    /// <summary>Creates a Swarm config per configuration file (content-addressed) and returns each workload's.</summary>
    public async Task<Dictionary<string, List<SwarmConfigReference>>> EnsureConfigsAsync(FleetSpec fleet, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, List<SwarmConfigReference>>(StringComparer.Ordinal);
        if (_options.ConfigFiles.Count == 0)
        {
            return result;
        }

        var existing = (await _manager.CallAsync((c, ct) => c.Configs.ListConfigsAsync(ct), cancellationToken).ConfigureAwait(false))
            .Where(s => s.Spec?.Name is not null).ToDictionary(s => s.Spec.Name!, s => s.ID, StringComparer.Ordinal);
        foreach (var file in _options.ConfigFiles)
        {
            var name = SwarmNames.Config(_options.NetworkPrefix, fleet.Name, file.Workload, file.Target, file.Content);
            if (!existing.TryGetValue(name, out var id))
            {
                var created = await _manager.CallAsync((c, ct) => c.Configs.CreateConfigAsync(new SwarmCreateConfigParameters
                {
                    Config = new SwarmConfigSpec
                    {
                        Name = name,
                        Data = Encoding.UTF8.GetBytes(file.Content),
                        Labels = new Dictionary<string, string> { [OrchestrationLabels.Fleet] = fleet.Name, [OrchestrationLabels.Workload] = file.Workload },
                    },
                }, ct), cancellationToken).ConfigureAwait(false);
                id = created.ID;
                existing[name] = id;
            }

            if (!result.TryGetValue(file.Workload, out var list))
            {
                result[file.Workload] = list = [];
            }

            list.Add(new SwarmConfigReference
            {
                ConfigName = name,
                ConfigID = id,
                File = new ConfigReferenceFileTarget { Name = file.Target, UID = "0", GID = "0", Mode = 0x124 },
            });
        }

        return result;
    }

    /// <summary>Removes the fleet's secrets and configs that no service uses any more. Those still in use (by a
    /// service being removed) stay until the next call.</summary>
    public async Task RemoveUnusedAsync(string fleet, IReadOnlySet<string> inUse, CancellationToken cancellationToken)
    {
        var secrets = await _manager.CallAsync((c, ct) => c.Secrets.ListAsync(ct), cancellationToken).ConfigureAwait(false);
        foreach (var secret in secrets.Where(s => Owned(s.Spec?.Labels, fleet) && !inUse.Contains(s.Spec?.Name ?? "")))
        {
            await IgnoreInUseAsync(() => _manager.CallAsync((c, ct) => c.Secrets.DeleteAsync(secret.ID, ct), cancellationToken)).ConfigureAwait(false);
        }

        var configs = await _manager.CallAsync((c, ct) => c.Configs.ListConfigsAsync(ct), cancellationToken).ConfigureAwait(false);
        foreach (var config in configs.Where(s => Owned(s.Spec?.Labels, fleet) && !inUse.Contains(s.Spec?.Name ?? "")))
        {
            await IgnoreInUseAsync(() => _manager.CallAsync((c, ct) => c.Configs.RemoveConfigAsync(config.ID, ct), cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>Removes the fleet's network; false while tasks still use it.</summary>
    public async Task<bool> TryRemoveNetworkAsync(string fleet, CancellationToken cancellationToken)
    {
        try
        {
            await _manager.CallAsync((c, ct) => c.Networks.DeleteNetworkAsync(NetworkName(fleet), ct), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DockerNetworkNotFoundException)
        {
            return true;
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return true;
        }
        catch (DockerApiException e) when (e.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Forbidden or HttpStatusCode.InternalServerError)
        {
            return false;
        }
    }

    private static bool Owned(IDictionary<string, string>? labels, string fleet)
        => labels is not null && labels.TryGetValue(OrchestrationLabels.Fleet, out var f) && f == fleet;

    private static async Task IgnoreInUseAsync(Func<Task> remove)
    {
        try
        {
            await remove().ConfigureAwait(false);
        }
        catch (DockerApiException e) when (e.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.NotFound or HttpStatusCode.InternalServerError)
        {
            // in use by a service that is going away, or gone already
        }
    }
}
