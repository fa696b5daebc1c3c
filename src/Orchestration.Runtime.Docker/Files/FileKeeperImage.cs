using System.Collections.Concurrent;
using System.Formats.Tar;
using Docker.DotNet.Models;
using Orchestration.Runtime.Docker.Client;
using Orchestration.Runtime.Docker.Images;

namespace Orchestration.Runtime.Docker.Files;

/// <summary>The image of the file keeper: one static x86-64 program of 129 bytes that calls <c>pause()</c> forever,
/// imported into each node's engine on first use (no registry needed). A keeper container holds a workload's
/// memory-backed volumes mounted while their files are written and until the workload's container has started.</summary>
internal sealed class FileKeeperImage
{
    public const string Repository = "orchestration/file-keeper";
    public const string Tag = "1";
    public const string Reference = $"{Repository}:{Tag}";
    public const string Program = "/pause";

    /// <summary>ELF64 header, one loadable segment, then <c>mov eax, 34 (pause); syscall; jmp back</c>.</summary>
    private static readonly byte[] Pause = Convert.FromHexString(
        "7F454C4602010100000000000000000002003E000100000078004000000000004000000000000000000000000000000000000000400038000100000000000000"
        + "0100000005000000000000000000000000004000000000000000400000000000810000000000000081000000000000000010000000000000"
        + "B8220000000F05EBF7");

    private readonly ConcurrentDictionary<string, Task> _ensured = new(StringComparer.Ordinal);

    /// <summary>Makes sure the node has the image; imports it once per node and process.</summary>
    public async Task EnsureAsync(DockerNode node, CancellationToken cancellationToken)
    {
        var task = _ensured.GetOrAdd(node.Name, _ => ImportIfMissingAsync(node));
        try
        {
            await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (task.IsFaulted || task.IsCanceled)
        {
            _ensured.TryRemove(new KeyValuePair<string, Task>(node.Name, task));
            throw;
        }
    }

    private static async Task ImportIfMissingAsync(DockerNode node)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await node.CallAsync((c, ct) => c.Images.InspectImageAsync(Reference, ct), deadline.Token).ConfigureAwait(false);
            return;
        }
        catch (Exception e) when (EngineErrors.IsNotFound(e))
        {
        }

        using var archive = new MemoryStream();
        using (var writer = new TarWriter(archive, TarEntryFormat.Ustar, leaveOpen: true))
        {
            var entry = new UstarTarEntry(TarEntryType.RegularFile, Program[1..])
            {
                Mode = UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute,
                DataStream = new MemoryStream(Pause),
            };
            writer.WriteEntry(entry);
        }

        var progress = new JsonMessageCollector();
        await node.CallAsync(async (c, ct) =>
        {
            archive.Position = 0;
            await c.Images.CreateImageAsync(new ImagesCreateParameters { FromSrc = "-", Repo = Repository, Tag = Tag }, archive, null, progress, ct).ConfigureAwait(false);
        }, deadline.Token).ConfigureAwait(false);
    }
}
