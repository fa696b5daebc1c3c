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

/// <summary>A file system mounted into the containers. A value: equal to another with the same properties.</summary>
/// <param name="kind">What backs the mount.</param>
/// <param name="source">Volume name or node path; <see langword="null"/> for tmpfs.</param>
/// <param name="target">Absolute path inside the container.</param>
/// <param name="readOnly">Whether the container may only read.</param>
public sealed class MountSpec(MountKind kind, string? source, string target, bool readOnly = false) : Snapshot
{
    /// <summary>What backs the mount.</summary>
    public MountKind Kind { get; private init; } = kind;

    /// <summary>Volume name or node path; <see langword="null"/> for tmpfs.</summary>
    public string? Source { get; private init; } = source;

    /// <summary>Absolute path inside the container.</summary>
    public string Target { get; private init; } = target;

    /// <summary>Whether the container may only read.</summary>
    public bool ReadOnly { get; private init; } = readOnly;
}
