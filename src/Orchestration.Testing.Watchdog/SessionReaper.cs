using Docker.DotNet;
using Docker.DotNet.Models;

namespace Orchestration.Testing.Watchdog;

/// <summary>Removes what carries a session label on one engine: the containers by force, in parallel, then the
/// networks. Removals that race with another remover (not found, already in progress) count as done.</summary>
internal static class SessionReaper
{
    /// <summary>Removes every container and network of <paramref name="session"/>; returns how many were removed.</summary>
    public static Task<int> RemoveSessionAsync(DockerClient engine, string session, CancellationToken cancellationToken)
        => RemoveLabelledAsync(engine, $"{SessionLabel.Key}={session}", cancellationToken);

    /// <summary>Removes every container and network matching a label filter (<c>key</c> or <c>key=value</c>).</summary>
    public static Task<int> RemoveLabelledAsync(DockerClient engine, string labelFilter, CancellationToken cancellationToken)
        => RemoveAsync(engine, labelFilter, _ => true, cancellationToken);

    /// <summary>Removes what belongs to sessions of this machine whose process is gone; returns how many were removed.</summary>
    public static Task<int> SweepDeadSessionsAsync(DockerClient engine, CancellationToken cancellationToken)
        => RemoveAsync(engine, SessionLabel.Key, IsDead, cancellationToken);

    private static bool IsDead(IDictionary<string, string>? labels)
        => labels is not null
           && labels.TryGetValue(SessionLabel.Key, out var value)
           && SessionLabel.TryParse(value, out var session)
           && session.IsDeadOnThisMachine;

    private static async Task<int> RemoveAsync(DockerClient engine, string labelFilter, Func<IDictionary<string, string>?, bool> select, CancellationToken cancellationToken)
    {
        var filters = new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = new Dictionary<string, bool> { [labelFilter] = true },
        };
        var containers = await engine.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filters }, cancellationToken).ConfigureAwait(false);
        var removals = containers.Where(c => select(c.Labels)).Select(c => RemoveContainerAsync(engine, c.ID, cancellationToken)).ToList();
        await Task.WhenAll(removals).ConfigureAwait(false);
        var removed = removals.Count(r => r.Result);

        var networks = await engine.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filters }, cancellationToken).ConfigureAwait(false);
        foreach (var network in networks.Where(n => select(n.Labels)))
        {
            removed += await RemoveNetworkAsync(engine, network.ID, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return removed;
    }

    private static async Task<bool> RemoveContainerAsync(DockerClient engine, string id, CancellationToken cancellationToken)
    {
        try
        {
            await engine.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DockerContainerNotFoundException)
        {
            return false;
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // Removal already in progress elsewhere.
            return false;
        }
    }

    private static async Task<bool> RemoveNetworkAsync(DockerClient engine, string id, CancellationToken cancellationToken)
    {
        try
        {
            await engine.Networks.DeleteNetworkAsync(id, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DockerApiException)
        {
            // Gone already, or a container still attached: the next pass tries again.
            return false;
        }
    }
}
