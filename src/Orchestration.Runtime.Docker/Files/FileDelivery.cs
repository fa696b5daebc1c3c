using System.Collections.Concurrent;
using System.Formats.Tar;
using System.Security.Cryptography;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Orchestration.Runtime.Docker.Client;

namespace Orchestration.Runtime.Docker.Files;

/// <summary>Puts a created container's files into its memory-backed volumes without a file on any disk: a keeper
/// container (<see cref="FileKeeperImage"/>) mounts the volumes, which makes the engine mount their tmpfs; the files
/// are sent as a tar archive through the engine's archive API (<c>PUT /containers/{id}/archive</c>), owned by the
/// container's user with mode 0400; the keeper is removed once the container has started and holds the mounts
/// itself. The archive API does not reach a plain tmpfs mount (it writes beneath it, into the container's layer) and a
/// volume's tmpfs is unmounted, and emptied, when no running container holds it: hence the keeper.</summary>
internal sealed class FileDelivery(FileKeeperImage image, ILogger logger)
{
    /// <summary>Label of a keeper container; its value is the fleet's name.</summary>
    public const string KeeperLabel = "io.orchestration.file-keeper";

    private readonly ConcurrentDictionary<string, byte> _nodesWithFiles = new(StringComparer.Ordinal);

    /// <summary>Writes the launch's files for the created container <paramref name="containerId"/>; returns the
    /// keeper's id, to be removed with <see cref="RemoveKeeperAsync"/> once the container has started.</summary>
    public async Task<string> DeliverAsync(DockerNode node, ContainerLaunch launch, string containerId, CancellationToken cancellationToken)
    {
        var (uid, gid) = await ContainerUser.ResolveAsync(node, containerId, cancellationToken).ConfigureAwait(false);
        await image.EnsureAsync(node, cancellationToken).ConfigureAwait(false);
        if (_nodesWithFiles.TryAdd(node.Name, 0))
        {
            // The first delivery on this node in this process: remove what an earlier process left.
            await CleanUpAsync(node, null, cancellationToken).ConfigureAwait(false);
        }
        var created = await node.CallAsync((c, ct) => c.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = $"{launch.Name}-files-{Guid.NewGuid().ToString("n")[..6]}",
            Image = FileKeeperImage.Reference,
            Entrypoint = [FileKeeperImage.Program],
            Labels = new Dictionary<string, string>(StringComparer.Ordinal) { [KeeperLabel] = launch.Fleet },
            HostConfig = new HostConfig
            {
                NetworkMode = "none",
                CapDrop = ["ALL"],
                SecurityOpt = ["no-new-privileges:true"],
                Memory = 16 * 1024 * 1024,
                PidsLimit = 1,
                Mounts = FileVolumes.KeeperMounts(launch),
            },
        }, ct), cancellationToken).ConfigureAwait(false);
        try
        {
            await node.CallAsync((c, ct) => c.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), ct), cancellationToken).ConfigureAwait(false);
            var directories = FileVolumes.Directories(launch);
            for (var i = 0; i < directories.Count; i++)
            {
                await WriteAsync(node, created.ID, FileVolumes.KeeperPath(i), directories[i], uid, gid, cancellationToken).ConfigureAwait(false);
            }

            return created.ID;
        }
        catch
        {
            await RemoveKeeperAsync(node, created.ID).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Removes a keeper; a failure is logged, and the keeper is removed with its fleet.</summary>
    public async Task RemoveKeeperAsync(DockerNode node, string keeperId)
    {
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await node.CallAsync((c, ct) => c.Containers.RemoveContainerAsync(keeperId, new ContainerRemoveParameters { Force = true }, ct), deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (!EngineErrors.IsNotFound(e))
        {
            logger.LogWarning("Could not remove file keeper {Id} on node {Node}: {Reason}", keeperId[..12], node.Name, e.GetType().Name);
        }
    }

    /// <summary>Removes the file volumes no container uses any more (those of removed containers) on a node that
    /// had files; with <paramref name="fleet"/>, also the fleet's keepers left by a process that stopped midway.</summary>
    public async Task CleanUpAsync(DockerNode node, string? fleet, CancellationToken cancellationToken)
    {
        if (fleet is not null)
        {
            var keepers = await node.CallAsync((c, ct) => c.Containers.ListContainersAsync(new ContainersListParameters
            {
                All = true,
                Filters = Filters.Label(KeeperLabel, fleet),
            }, ct), cancellationToken).ConfigureAwait(false);
            foreach (var keeper in keepers)
            {
                await RemoveKeeperAsync(node, keeper.ID).ConfigureAwait(false);
            }
        }
        else if (!_nodesWithFiles.ContainsKey(node.Name))
        {
            return;
        }

        // Not a prune: the engine of API 1.41 leaves these volumes out of it. The dangling ones are those of
        // removed containers; a volume of a container that exists is never dangling.
        var filters = new Dictionary<string, IDictionary<string, bool>>(StringComparer.Ordinal)
        {
            ["label"] = new Dictionary<string, bool>(StringComparer.Ordinal) { [fleet is null ? FileVolumes.Label : $"{OrchestrationLabels.Fleet}={fleet}"] = true },
            ["dangling"] = new Dictionary<string, bool>(StringComparer.Ordinal) { ["true"] = true },
        };
        var volumes = await node.CallAsync((c, ct) => c.Volumes.ListAsync(new VolumesListParameters { Filters = filters }, ct), cancellationToken).ConfigureAwait(false);
        foreach (var volume in volumes.Volumes ?? [])
        {
            if (volume.Labels?.ContainsKey(FileVolumes.Label) != true)
            {
                continue;
            }

            try
            {
                await node.CallAsync((c, ct) => c.Volumes.RemoveAsync(volume.Name, force: false, ct), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (EngineErrors.IsNotFound(e) || EngineErrors.IsConflict(e))
            {
                // Gone already, or taken by a container created meanwhile.
            }
        }
    }

    private static async Task WriteAsync(DockerNode node, string keeperId, string path, IEnumerable<ContainerFile> files, int uid, int gid, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var file in files)
            {
                var content = file.Content.ToArray();
                var entry = new PaxTarEntry(TarEntryType.RegularFile, file.Path[(file.Path.LastIndexOf('/') + 1)..])
                {
                    Mode = UnixFileMode.UserRead,
                    Uid = uid,
                    Gid = gid,
                    ModificationTime = DateTimeOffset.UnixEpoch,
                    DataStream = new MemoryStream(content),
                };
                writer.WriteEntry(entry);
                CryptographicOperations.ZeroMemory(content);
            }
        }

        try
        {
            await node.CallAsync(async (c, ct) =>
            {
                buffer.Position = 0;
                await c.Containers.ExtractArchiveToContainerAsync(keeperId, new CopyToContainerParameters { Path = path }, buffer, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer.GetBuffer());
        }
    }
}
