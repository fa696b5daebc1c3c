using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Runtime.Docker.Client;
using Orchestration.Runtime.Docker.Files;
using Orchestration.Runtime.Docker.Networks;

namespace Orchestration.Runtime.Docker.Containers;

/// <summary>Creates, starts, stops and removes containers on their nodes. Creating is made idempotent by the
/// container name: a create that timed out but happened is found again by name and reused when it carries the same
/// replica and revision.</summary>
internal sealed class ContainerLifecycle(DockerNodes nodes, FleetNetworks networks, IOptions<DockerRuntimeOptions> options, ILogger logger, FleetDnsSettings? dns = null, FileDelivery? files = null)
{
    private readonly FileDelivery _files = files ?? new FileDelivery(new FileKeeperImage(), logger);

    /// <summary>Starts the launch's container; every message of the engine that leaves it has the launch's secret
    /// values redacted.</summary>
    public async Task<ContainerInfo> StartAsync(ContainerLaunch launch, CancellationToken cancellationToken)
    {
        try
        {
            return await StartRedactedAsync(launch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && launch.SecretValues.Length > 0 && MentionsSecret(e, launch))
        {
            // The inner exceptions quote the engine too: the redacted message is all that leaves.
            throw new DockerEngineException(launch.Node, launch.Redact(e is DockerEngineException d ? d.Reason : e.Message));
        }
    }

    public Task CleanUpFilesAsync(string nodeName, string? fleet, CancellationToken cancellationToken)
        => _files.CleanUpAsync(nodes[nodeName], fleet, cancellationToken);

    private static bool MentionsSecret(Exception e, ContainerLaunch launch)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            if (!string.Equals(launch.Redact(current.Message), current.Message, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<ContainerInfo> StartRedactedAsync(ContainerLaunch launch, CancellationToken cancellationToken)
    {
        var node = nodes[launch.Node];
        var networkName = networks.NameOf(launch.Fleet);
        var dnsServers = dns is null ? null : await dns.ServersAsync(node, launch.Fleet, launch.Container.Workload, cancellationToken).ConfigureAwait(false);
        var parameters = ContainerParameters.Create(launch, networkName, options.Value, dnsServers, node.PublishAddress(options.Value));
        for (var attempt = 0; ; attempt++)
        {
            var id = await CreateAsync(node, launch, parameters, cancellationToken).ConfigureAwait(false);
            string? keeper = null;
            try
            {
                if (!launch.Files.IsDefaultOrEmpty)
                {
                    keeper = await _files.DeliverAsync(node, launch, id, cancellationToken).ConfigureAwait(false);
                }

                await node.CallAsync((c, ct) => c.Containers.StartContainerAsync(id, new ContainerStartParameters(), ct), cancellationToken)
                    .ConfigureAwait(false);
                return await InspectAsync(node, id, networkName, cancellationToken).ConfigureAwait(false);
            }
            catch (DockerApiException e) when (attempt == 0 && IsMissingNetwork(e, launch))
            {
                // The engine checks the network at start: the fleet network vanished after prepare (deleted, or the
                // node was down). Recreate it and the container.
                logger.LogInformation("Network of fleet {Fleet} missing on node {Node}; creating it: {Message}", launch.Fleet, node.Name, launch.Redact(EngineErrors.Message(e)));
                await TryRemoveAsync(node, id).ConfigureAwait(false);
                await networks.EnsureAsync(node, launch.Fleet, cancellationToken).ConfigureAwait(false);
                dns?.Forget(node.Name, launch.Fleet);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await TryRemoveAsync(node, id).ConfigureAwait(false);
                throw EngineErrors.Wrap(node.Name, $"starting container '{launch.Name}' from image '{launch.Container.Image}'", e);
            }
            finally
            {
                if (keeper is not null)
                {
                    await _files.RemoveKeeperAsync(node, keeper).ConfigureAwait(false);
                }
            }
        }
    }

    public async Task StopAsync(ContainerRef container, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        var node = nodes[container.Node];
        var seconds = (uint)Math.Ceiling(Math.Max(0, gracePeriod.TotalSeconds));
        try
        {
            // Docker sends the stop signal, waits the grace period, then kills; the call lasts as long.
            await node.CallAsync(
                (c, ct) => c.Containers.StopContainerAsync(container.Id, new ContainerStopParameters { WaitBeforeKillSeconds = seconds }, ct),
                cancellationToken,
                attemptTimeout: TimeSpan.FromSeconds(seconds) + options.Value.CallTimeout).ConfigureAwait(false);
        }
        catch (Exception e) when (EngineErrors.IsNotFound(e))
        {
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw EngineErrors.Wrap(node.Name, $"stopping container {container}", e);
        }
    }

    public async Task RemoveVolumeAsync(string nodeName, string volume, CancellationToken cancellationToken)
    {
        var node = nodes[nodeName];
        try
        {
            await node.CallAsync((c, ct) => c.Volumes.RemoveAsync(volume, force: false, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (EngineErrors.IsNotFound(e))
        {
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw EngineErrors.Wrap(node.Name, $"removing volume '{volume}'", e);
        }
    }

    public async Task RemoveAsync(ContainerRef container, CancellationToken cancellationToken)
    {
        var node = nodes[container.Node];
        try
        {
            await node.CallAsync(
                (c, ct) => c.Containers.RemoveContainerAsync(container.Id, new ContainerRemoveParameters { Force = true }, ct),
                cancellationToken).ConfigureAwait(false);
            await TryCleanUpFilesAsync(node).ConfigureAwait(false);
        }
        catch (Exception e) when (EngineErrors.IsNotFound(e) || IsRemovalInProgress(e))
        {
            await TryCleanUpFilesAsync(node).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw EngineErrors.Wrap(node.Name, $"removing container {container}", e);
        }
    }

    public async Task<ContainerInfo> InspectAsync(DockerNode node, string id, string networkName, CancellationToken cancellationToken)
    {
        var inspect = await node.CallAsync((c, ct) => c.Containers.InspectContainerAsync(id, ct), cancellationToken).ConfigureAwait(false);
        return ContainerInfoReader.Read(node.Name, inspect, networkName, node.RemoteHost);
    }

    private async Task<string> CreateAsync(DockerNode node, ContainerLaunch launch, CreateContainerParameters parameters, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var created = await node.CallAsync((c, ct) => c.Containers.CreateContainerAsync(parameters, ct), cancellationToken)
                    .ConfigureAwait(false);
                return created.ID;
            }
            catch (Exception e) when (EngineErrors.IsConflict(e))
            {
                return await ReuseExistingAsync(node, launch, e, cancellationToken).ConfigureAwait(false);
            }
            catch (DockerApiException e) when (attempt == 0 && IsMissingNetwork(e, launch))
            {
                // The fleet network is missing on this node (deleted, or the node was down during prepare).
                logger.LogInformation("Network of fleet {Fleet} missing on node {Node}; creating it: {Message}", launch.Fleet, node.Name, launch.Redact(EngineErrors.Message(e)));
                await networks.EnsureAsync(node, launch.Fleet, cancellationToken).ConfigureAwait(false);
                dns?.Forget(node.Name, launch.Fleet);
            }
            catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                throw new ImageUnavailableException(launch.Container.Image, node.Name, $"it is not on the node ({EngineErrors.Message(e)}); ensure the image first per its pull policy, or build or load it on the node", e);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw EngineErrors.Wrap(node.Name, $"creating container '{launch.Name}' from image '{launch.Container.Image}'", e);
            }
        }
    }

    private static async Task<string> ReuseExistingAsync(DockerNode node, ContainerLaunch launch, Exception conflict, CancellationToken cancellationToken)
    {
        ContainerInspectResponse existing;
        try
        {
            existing = await node.CallAsync((c, ct) => c.Containers.InspectContainerAsync(launch.Name, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (EngineErrors.IsNotFound(e))
        {
            throw EngineErrors.Wrap(node.Name, $"creating container '{launch.Name}'", conflict);
        }

        var labels = existing.Config?.Labels;
        if (labels.Find(OrchestrationLabels.Replica) == launch.ReplicaId
            && labels.Find(OrchestrationLabels.Revision) == launch.Container.Revision
            && existing.State?.Status == "created")
        {
            return existing.ID;
        }

        throw new DockerEngineException(node.Name, $"a container named '{launch.Name}' already exists ({existing.ID[..12]}, state {existing.State?.Status}); remove it before starting this replica again", conflict);
    }

    /// <summary>Removes the file volumes of removed containers; not bound to the caller's cancellation, so that a
    /// stopping host still removes them, and never failing the removal.</summary>
    private async Task TryCleanUpFilesAsync(DockerNode node)
    {
        try
        {
            using var deadline = new CancellationTokenSource(options.Value.CallTimeout);
            await _files.CleanUpAsync(node, null, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            logger.LogWarning("Could not remove unused file volumes on node {Node}: {Reason}", node.Name, e.GetType().Name);
        }
    }

    private async Task TryRemoveAsync(DockerNode node, string id)
    {
        try
        {
            using var deadline = new CancellationTokenSource(options.Value.CallTimeout);
            await node.CallAsync((c, ct) => c.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true }, ct), deadline.Token)
                .ConfigureAwait(false);
        }
        catch (Exception e)
        {
            logger.LogWarning("Could not remove container {Id} on node {Node} after it failed to start: {Reason}", id, node.Name, e.GetType().Name);
        }
    }

    /// <summary>Docker answers 404 both for a missing image and a missing network; only the message tells them apart.</summary>
    private static bool IsMissingNetwork(DockerApiException e, ContainerLaunch launch)
        => e.StatusCode == HttpStatusCode.NotFound
           && !launch.Container.Security.HostNetwork
           && EngineErrors.Message(e) is var message
           && message.Contains("network", StringComparison.OrdinalIgnoreCase)
           && !message.Contains("image", StringComparison.OrdinalIgnoreCase);

    private static bool IsRemovalInProgress(Exception e)
        => EngineErrors.IsConflict(e) && e is DockerApiException api && EngineErrors.Message(api).Contains("in progress", StringComparison.OrdinalIgnoreCase);
}
