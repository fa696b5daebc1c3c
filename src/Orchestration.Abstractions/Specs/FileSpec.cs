namespace Orchestration;

/// <summary>A read-only file in a workload's containers: a secret (<see cref="FileSourceKind.Secret"/>) or a
/// configuration file. Its content is read when the fleet is applied and reaches the containers on a memory-backed
/// file system, owned by the container's user with mode 0400; it is never part of the container's configuration.
/// A changed content rolls the workload out.</summary>
/// <param name="Path">Absolute path of the file inside the container, such as <c>/run/secrets/db-password</c>.</param>
/// <param name="Source">Where the content comes from.</param>
/// <param name="Reference">The secret's name, the text, the host file's path or the configuration section's key,
/// according to <paramref name="Source"/>.</param>
public sealed record FileSpec(string Path, FileSourceKind Source, string Reference)
{
    /// <summary>The directory secrets are mounted in unless their spec names another path.</summary>
    public const string DefaultSecretDirectory = "/run/secrets";

    /// <summary>The directory inside the container that holds the file.</summary>
    public string Directory => Path.LastIndexOf('/') is > 0 and var slash ? Path[..slash] : "/";

    /// <summary>The file's name inside its directory.</summary>
    public string FileName => Path[(Path.LastIndexOf('/') + 1)..];

    /// <inheritdoc />
    public override string ToString() => Source == FileSourceKind.Text ? $"{Path} (text)" : $"{Path} ({Source} {Reference})";
}
