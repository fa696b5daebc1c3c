using System.Formats.Tar;
using System.Globalization;
using Docker.DotNet.Models;
using Orchestration.Runtime.Docker.Client;

namespace Orchestration.Runtime.Docker.Files;

/// <summary>The numeric user and group a created container runs as: from its <c>User</c> (the spec's, or the
/// image's), numeric as given, or a name looked up in the container's own <c>/etc/passwd</c> and
/// <c>/etc/group</c>.</summary>
internal static class ContainerUser
{
    public static async Task<(int Uid, int Gid)> ResolveAsync(DockerNode node, string containerId, CancellationToken cancellationToken)
    {
        var inspect = await node.CallAsync((c, ct) => c.Containers.InspectContainerAsync(containerId, ct), cancellationToken).ConfigureAwait(false);
        var user = inspect.Config?.User ?? "";
        if (user.Length == 0)
        {
            return (0, 0);
        }

        var parts = user.Split(':', 2);
        var passwd = default(IReadOnlyList<string[]>);
        int uid;
        int? gid = null;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out uid))
        {
            passwd = await ReadTableAsync(node, containerId, "/etc/passwd", cancellationToken).ConfigureAwait(false);
            var entry = passwd.FirstOrDefault(e => e.Length > 3 && e[0] == parts[0])
                ?? throw new InvalidOperationException($"user '{parts[0]}' is not in the image's /etc/passwd, so its files cannot be given to it; use a numeric user such as '1000:1000'");
            uid = int.Parse(entry[2], CultureInfo.InvariantCulture);
            gid = int.Parse(entry[3], CultureInfo.InvariantCulture);
        }

        if (parts.Length == 2)
        {
            if (int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var g))
            {
                gid = g;
            }
            else
            {
                var groups = await ReadTableAsync(node, containerId, "/etc/group", cancellationToken).ConfigureAwait(false);
                var entry = groups.FirstOrDefault(e => e.Length > 2 && e[0] == parts[1])
                    ?? throw new InvalidOperationException($"group '{parts[1]}' is not in the image's /etc/group; use a numeric group");
                gid = int.Parse(entry[2], CultureInfo.InvariantCulture);
            }
        }
        else if (gid is null)
        {
            // A numeric user alone: its primary group when the image knows it, as the engine does; else the same id.
            passwd ??= await TryReadTableAsync(node, containerId, "/etc/passwd", cancellationToken).ConfigureAwait(false);
            var entry = passwd.FirstOrDefault(e => e.Length > 3 && e[2] == parts[0]);
            gid = entry is null ? uid : int.Parse(entry[3], CultureInfo.InvariantCulture);
        }

        return (uid, gid.Value);
    }

    private static async Task<IReadOnlyList<string[]>> TryReadTableAsync(DockerNode node, string containerId, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadTableAsync(node, containerId, path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (EngineErrors.IsNotFound(e))
        {
            return [];
        }
    }

    private static async Task<IReadOnlyList<string[]>> ReadTableAsync(DockerNode node, string containerId, string path, CancellationToken cancellationToken)
        => await node.CallAsync(async (c, ct) =>
        {
            var response = await c.Containers.GetArchiveFromContainerAsync(containerId, new ContainerPathStatParameters { Path = path }, false, ct).ConfigureAwait(false);
            await using var stream = response.Stream ?? Stream.Null;
            using var reader = new TarReader(stream);
            var entry = await reader.GetNextEntryAsync(copyData: false, ct).ConfigureAwait(false);
            if (entry?.DataStream is null)
            {
                return (IReadOnlyList<string[]>)[];
            }

            using var text = new StreamReader(entry.DataStream);
            var content = await text.ReadToEndAsync(ct).ConfigureAwait(false);
            return [.. content.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(':'))];
        }, cancellationToken).ConfigureAwait(false);
}
