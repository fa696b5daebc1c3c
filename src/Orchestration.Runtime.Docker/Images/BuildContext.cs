using System.Formats.Tar;

namespace Orchestration.Runtime.Docker.Images;

/// <summary>The tar stream of a build context directory, without what its <c>.dockerignore</c> leaves out. The
/// Dockerfile and the <c>.dockerignore</c> itself are always sent, as the Docker CLI does: the engine needs them.</summary>
internal static class BuildContext
{
    public static async Task WriteAsync(string contextDirectory, Stream destination, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(contextDirectory);
        var ignore = DockerIgnore.Load(root);
        await using var tar = new TarWriter(destination, TarEntryFormat.Pax, leaveOpen: true);
        await AddDirectoryAsync(tar, root, root, ignore, cancellationToken).ConfigureAwait(false);
    }

    private static async Task AddDirectoryAsync(TarWriter tar, string root, string directory, DockerIgnore ignore, CancellationToken cancellationToken)
    {
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetRelativePath(root, entry.FullName).Replace(Path.DirectorySeparatorChar, '/');
            var alwaysSent = name is "Dockerfile" or ".dockerignore";
            var isDirectory = entry is DirectoryInfo && entry.LinkTarget is null;
            if (!alwaysSent && ignore.IsIgnored(name))
            {
                // An excluded directory may still hold an exception ("!dir/keep"): look inside it.
                if (isDirectory && ignore.HasExceptions)
                {
                    await AddDirectoryAsync(tar, root, entry.FullName, ignore, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            await tar.WriteEntryAsync(entry.FullName, isDirectory ? name + "/" : name, cancellationToken).ConfigureAwait(false);
            if (isDirectory)
            {
                await AddDirectoryAsync(tar, root, entry.FullName, ignore, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
