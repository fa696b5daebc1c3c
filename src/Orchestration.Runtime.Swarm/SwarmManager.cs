using Docker.DotNet;
using Microsoft.Extensions.Options;
using Orchestration.Runtime.Docker;

namespace Orchestration.Runtime.Swarm;

/// <summary>The swarm manager's engine: one client, negotiated and made resilient by the Docker runtime's engine
/// connection, through which every swarm call goes.</summary>
internal sealed class SwarmManager : IDisposable
{
    private readonly DockerEngineConnection _node;

    public SwarmManager(IOptions<SwarmRuntimeOptions> options, TimeProvider time)
    {
        var o = options.Value;
        _node = new DockerEngineConnection(
            new DockerNodeOptions
            {
                Name = SwarmRuntimeDefaults.ManagerNodeName,
                Endpoint = o.Manager,
                TlsCertificateDirectory = o.TlsCertificateDirectory,
                ApiVersion = o.ApiVersion,
            },
            new DockerRuntimeOptions { CallTimeout = o.CallTimeout },
            time);
    }

    /// <summary>Where the manager answers.</summary>
    public Uri Endpoint => _node.Endpoint;

    /// <summary>Runs one call through the retry, circuit-breaker and timeout pipeline.</summary>
    public Task<T> CallAsync<T>(Func<DockerClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        => _node.CallAsync(call, cancellationToken);

    /// <summary>Runs one call without a result through the pipeline.</summary>
    public Task CallAsync(Func<DockerClient, CancellationToken, Task> call, CancellationToken cancellationToken)
        => _node.CallAsync(call, cancellationToken);

    /// <summary>The client itself, for streams (which the pipeline's timeout would cut).</summary>
    public ValueTask<DockerClient> GetClientAsync(CancellationToken cancellationToken) => _node.GetClientAsync(cancellationToken);

    public void Dispose() => _node.Dispose();
}
