using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestration.Runtime.Swarm.Mapping;

namespace Orchestration.Runtime.Swarm.Applying;

/// <summary>Creates, updates, scales, rolls back and removes the fleet's services.</summary>
internal sealed class SwarmServices
{
    private readonly SwarmManager _manager;

    public SwarmServices(SwarmManager manager)
    {
        _manager = manager;
    }

    /// <summary>Creates the service, or updates it when its spec hash differs; an unchanged service is adopted as it
    /// runs. The image is passed as written: no registry is asked for a digest (like <c>--no-resolve-image</c>).</summary>
    /// <returns>Whether anything was sent to the swarm.</returns>
    public async Task<bool> CreateOrUpdateAsync(SwarmService? existing, ServiceSpec spec, CancellationToken cancellationToken)
    {
        if (existing is null)
        {
            try
            {
                await _manager.CallAsync((c, ct) => c.Swarm.CreateServiceAsync(new ServiceCreateParameters { Service = spec }, ct), cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
            {
                existing = await InspectAsync(spec.Name!, cancellationToken).ConfigureAwait(false);
                if (existing is null)
                {
                    throw;
                }
            }
        }

        if (existing.Spec?.Labels is { } labels && labels.TryGetValue(SwarmNames.SpecHashLabel, out var hash) && hash == spec.Labels[SwarmNames.SpecHashLabel])
        {
            return false;
        }

        await UpdateAsync(existing, spec, rollback: false, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Sends <paramref name="spec"/> as the service's new spec, at the service's current version.</summary>
    public async Task UpdateAsync(SwarmService service, ServiceSpec spec, bool rollback, CancellationToken cancellationToken)
    {
        // The version must be the latest, or the swarm refuses the update: read it again when it moved meanwhile.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await _manager.CallAsync((c, ct) => c.Swarm.UpdateServiceAsync(service.ID, new ServiceUpdateParameters
                {
                    Service = spec,
                    Version = (long)(service.Version?.Index ?? 0),
                    Rollback = rollback ? "previous" : null,
                }, ct), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DockerApiException e) when (attempt < 3 && e.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.Conflict
                                               && e.ResponseBody is { } body && body.Contains("out of sequence", StringComparison.OrdinalIgnoreCase))
            {
                service = await InspectAsync(service.ID, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"Service '{spec.Name}' is gone.");
            }
        }
    }

    public async Task<SwarmService?> InspectAsync(string idOrName, CancellationToken cancellationToken)
    {
        try
        {
            return await _manager.CallAsync((c, ct) => c.Swarm.InspectServiceAsync(idOrName, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await _manager.CallAsync((c, ct) => c.Swarm.RemoveServiceAsync(id, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // gone already
        }
    }
}
