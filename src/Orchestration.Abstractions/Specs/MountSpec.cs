namespace Orchestration;

/// <summary>What backs a mount.</summary>
public enum MountKind
{
    /// <summary>A named volume managed by the node, created on first use.</summary>
    Volume,

    /// <summary>A directory or file of the node.</summary>
    Bind,

    /// <summary>An in-memory file system.</summary>
    Tmpfs,
}

/// <summary>A file system mounted into the containers.</summary>
/// <param name="Kind">What backs the mount.</param>
/// <param name="Source">Volume name or node path; <see langword="null"/> for tmpfs.</param>
/// <param name="Target">Absolute path inside the container.</param>
/// <param name="ReadOnly">Whether the container may only read.</param>
public sealed record MountSpec(MountKind Kind, string? Source, string Target, bool ReadOnly = false);
