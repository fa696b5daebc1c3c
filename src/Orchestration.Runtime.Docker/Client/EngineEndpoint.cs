namespace Orchestration.Runtime.Docker.Client;

/// <summary>Where a node's engine answers and which TLS client certificates it needs.</summary>
/// <param name="Uri">Engine endpoint.</param>
/// <param name="TlsCertificateDirectory">Directory with cert.pem, key.pem and ca.pem, or <see langword="null"/>.</param>
internal sealed record EngineEndpoint(Uri Uri, string? TlsCertificateDirectory)
{
    /// <summary>Resolves a node's endpoint: its options, else <c>DOCKER_HOST</c> (with <c>DOCKER_CERT_PATH</c> when
    /// <c>DOCKER_TLS_VERIFY</c> is set), else the default Unix socket.</summary>
    public static EngineEndpoint Resolve(DockerNodeOptions node)
    {
        if (!string.IsNullOrWhiteSpace(node.Endpoint))
        {
            return new(Normalize(node.Endpoint), node.TlsCertificateDirectory);
        }

        var dockerHost = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrWhiteSpace(dockerHost))
        {
            var certificates = node.TlsCertificateDirectory;
            if (certificates is null && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_TLS_VERIFY")))
            {
                certificates = Environment.GetEnvironmentVariable("DOCKER_CERT_PATH")
                    ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
            }

            return new(Normalize(dockerHost), certificates);
        }

        return new(new Uri(DockerRuntimeDefaults.UnixSocketEndpoint), node.TlsCertificateDirectory);
    }

    private static Uri Normalize(string text) => new(text.Trim(), UriKind.Absolute);

    /// <inheritdoc />
    public override string ToString() => Uri.ToString();
}
