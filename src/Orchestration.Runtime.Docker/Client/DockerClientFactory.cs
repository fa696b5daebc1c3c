using Docker.DotNet;
using Docker.DotNet.Handler.Abstractions;

namespace Orchestration.Runtime.Docker.Client;

/// <summary>Builds Docker clients for an endpoint: first an unversioned one to read the engine's version, then the
/// one the node keeps for the life of the process, pinned to the negotiated API version. The one way the SDK connects
/// to an engine: the runtime compiles it, and the test harness and its watchdog compile the same files (linked), so
/// endpoint resolution, TLS and API negotiation are alike everywhere.</summary>
internal static class DockerClientFactory
{
    public static DockerClient Create(EngineEndpoint endpoint, Version? apiVersion)
    {
        var builder = new DockerClientBuilder()
            .WithEndpoint(endpoint.Uri)
            .WithApiVersion(apiVersion)
            .WithTimeout(Timeout.InfiniteTimeSpan);
        if (endpoint.TlsCertificateDirectory is { } directory && endpoint.Uri.Scheme is not "unix" and not "npipe")
        {
            builder = builder.WithAuthProvider(TlsCredentials.Load(directory));
        }

        return builder.Build();
    }

    /// <summary>Connects to the engine at <paramref name="endpoint"/>, speaking the API version negotiated with it.</summary>
    public static async Task<DockerClient> ConnectAsync(string node, EngineEndpoint endpoint, CancellationToken cancellationToken)
        => Create(endpoint, await NegotiateAsync(node, endpoint, cancellationToken).ConfigureAwait(false));

    /// <summary>Reads the engine's version with an unversioned client (<c>/version</c> answers every client) and
    /// returns the API version to speak.</summary>
    public static async Task<Version> NegotiateAsync(string node, EngineEndpoint endpoint, CancellationToken cancellationToken)
    {
        using var probe = Create(endpoint, apiVersion: null);
        var version = await probe.System.GetVersionAsync(cancellationToken).ConfigureAwait(false);
        return ApiVersionNegotiation.Negotiate(node, version.APIVersion, version.MinAPIVersion);
    }
}
