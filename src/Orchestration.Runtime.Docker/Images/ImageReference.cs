namespace Orchestration.Runtime.Docker.Images;

/// <summary>The parts of an image reference a pull needs: the repository (with its registry), the tag or digest,
/// and the registry host that selects credentials.</summary>
/// <param name="Repository">Repository, such as "redis" or "registry.example:5000/team/api".</param>
/// <param name="Tag">Tag, or a digest ("sha256:…") when <paramref name="IsDigest"/>.</param>
/// <param name="IsDigest">Whether <paramref name="Tag"/> is a digest.</param>
/// <param name="Registry">Registry host; "docker.io" when the reference names none.</param>
internal sealed record ImageReference(string Repository, string Tag, bool IsDigest, string Registry)
{
    public const string DockerHub = "docker.io";

    public static ImageReference Parse(string image)
    {
        // "name:tag@sha256:…" pins the digest; the tag is only a reminder for readers and is not part of the repository.
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var named = at >= 0 ? image[..at] : image;
        var lastSlash = named.LastIndexOf('/');
        var colon = named.LastIndexOf(':');
        var repository = colon > lastSlash ? named[..colon] : named;
        var tag = at >= 0 ? image[(at + 1)..] : colon > lastSlash ? named[(colon + 1)..] : "latest";
        var isDigest = at >= 0;

        var firstSlash = repository.IndexOf('/', StringComparison.Ordinal);
        var first = firstSlash < 0 ? "" : repository[..firstSlash];
        var registry = first.Length > 0 && (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost")
            ? first
            : DockerHub;
        return new ImageReference(repository, tag, isDigest, registry);
    }

    /// <summary>Whether <paramref name="registry"/> (as configured by the user) names this reference's registry.</summary>
    public bool IsServedBy(string registry)
    {
        var configured = registry.Trim().TrimEnd('/');
        if (configured.Contains("://", StringComparison.Ordinal))
        {
            configured = configured[(configured.IndexOf("://", StringComparison.Ordinal) + 3)..];
        }

        static bool IsHub(string r) => r is DockerHub or "index.docker.io" or "registry-1.docker.io" || r.StartsWith("index.docker.io/", StringComparison.Ordinal);
        return string.Equals(configured, Registry, StringComparison.OrdinalIgnoreCase) || (IsHub(Registry) && IsHub(configured));
    }
}
