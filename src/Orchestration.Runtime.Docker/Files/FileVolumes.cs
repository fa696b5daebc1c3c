using System.Globalization;
using Docker.DotNet.Models;

namespace Orchestration.Runtime.Docker.Files;

/// <summary>The memory-backed volumes of one container's files: one per directory that holds files (the engine of
/// API 1.41 cannot mount part of a volume), named after the container, created by the engine together with the
/// container from the local driver's tmpfs options, so the content is never on the node's disk.</summary>
internal static class FileVolumes
{
    /// <summary>Label of a file volume; its value is the container's name.</summary>
    public const string Label = "io.orchestration.file-volume";

    /// <summary>Where the keeper mounts the <c>i</c>th volume.</summary>
    public static string KeeperPath(int index) => string.Create(CultureInfo.InvariantCulture, $"/files/{index}");

    /// <summary>The directories of the launch's files, in a fixed order; the index is the volume's.</summary>
    public static IReadOnlyList<IGrouping<string, ContainerFile>> Directories(ContainerLaunch launch)
        => [.. launch.Files.GroupBy(f => Directory(f.Path), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)];

    public static string Name(ContainerLaunch launch, int index) => string.Create(CultureInfo.InvariantCulture, $"{launch.Name}-files-{index}");

    /// <summary>The container's read-only mounts of its file volumes.</summary>
    public static IEnumerable<Mount> ContainerMounts(ContainerLaunch launch)
        => Directories(launch).Select((directory, i) => new Mount
        {
            Type = "volume",
            Source = Name(launch, i),
            Target = directory.Key,
            ReadOnly = true,
            VolumeOptions = new VolumeOptions
            {
                Labels = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    [OrchestrationLabels.Fleet] = launch.Fleet,
                    [OrchestrationLabels.Workload] = launch.Container.Workload,
                    [Label] = launch.Name,
                },
                DriverConfig = new Driver
                {
                    Name = "local",
                    Options = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["type"] = "tmpfs",
                        ["device"] = "tmpfs",
                        ["o"] = string.Create(CultureInfo.InvariantCulture, $"size={Size(directory)},mode=0755,noexec,nosuid,nodev"),
                    },
                },
            },
        });

    /// <summary>The keeper's writable mounts of the same volumes.</summary>
    public static IList<Mount> KeeperMounts(ContainerLaunch launch)
        => [.. Directories(launch).Select((_, i) => new Mount { Type = "volume", Source = Name(launch, i), Target = KeeperPath(i) })];

    private static string Directory(string path) => path.LastIndexOf('/') is > 0 and var slash ? path[..slash] : "/";

    /// <summary>The files' size plus room for the file system's own blocks, at least 64 KiB.</summary>
    private static long Size(IEnumerable<ContainerFile> files) => Math.Max(64 * 1024, files.Sum(f => ((f.Content.Length / 4096) + 1) * 4096L) + (16 * 1024));
}
