namespace Orchestration;

/// <summary>A read-only file in a workload's containers: a secret (<see cref="FileSourceKind.Secret"/>) or a
/// configuration file. Its content is read when the fleet is applied and reaches the containers on a memory-backed
/// file system, owned by the container's user with mode 0400; it is never part of the container's configuration.
/// A changed content rolls the workload out. A value: equal to another with the same path, source and reference.</summary>
/// <param name="path">Absolute path of the file inside the container, such as <c>/run/secrets/db-password</c>.</param>
/// <param name="source">Where the content comes from.</param>
/// <param name="reference">The secret's name, the text, the host file's path or the configuration section's key,
/// according to <paramref name="source"/>.</param>
public sealed class FileSpec(string path, FileSourceKind source, string reference) : Snapshot
{
    /// <summary>The directory secrets are mounted in unless their spec names another path.</summary>
    public const string DefaultSecretDirectory = "/run/secrets";

    /// <summary>Absolute path of the file inside the container.</summary>
    public string Path { get; private init; } = path;

    /// <summary>Where the content comes from.</summary>
    public FileSourceKind Source { get; private init; } = source;

    /// <summary>The secret's name, the text, the host file's path or the configuration section's key, according to
    /// <see cref="Source"/>.</summary>
    public string Reference { get; private init; } = reference;

    /// <summary>The directory inside the container that holds the file.</summary>
    public string Directory => Path.LastIndexOf('/') is > 0 and var slash ? Path[..slash] : "/";

    /// <summary>The file's name inside its directory.</summary>
    public string FileName => Path[(Path.LastIndexOf('/') + 1)..];

    /// <inheritdoc />
    public override string ToString() => Source == FileSourceKind.Text ? $"{Path} (text)" : $"{Path} ({Source} {Reference})";
}
