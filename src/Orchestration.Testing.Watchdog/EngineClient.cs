using Docker.DotNet;

namespace Orchestration.Testing.Watchdog;

/// <summary>Connects to a Docker engine with the API version it speaks (read from its unversioned <c>/version</c>).</summary>
internal static class EngineClient
{
    public static async Task<DockerClient> ConnectAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        string apiVersion;
        using (var probe = new DockerClientBuilder().WithEndpoint(endpoint).Build())
        {
            var version = await probe.System.GetVersionAsync(cancellationToken).ConfigureAwait(false);
            apiVersion = version.APIVersion;
        }

        return new DockerClientBuilder()
            .WithEndpoint(endpoint)
            .WithApiVersion(Version.Parse(apiVersion))
            .Build();
    }
}
