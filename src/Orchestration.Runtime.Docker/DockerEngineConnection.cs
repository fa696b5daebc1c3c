using Docker.DotNet;
using Orchestration.Runtime.Docker.Client;

namespace Orchestration.Runtime.Docker;

/// <summary>A connection to one Docker engine, for a package that drives an engine's API itself (the Docker Swarm
/// runtime drives a swarm's manager through it): the endpoint resolved as the Docker runtime resolves a node's
/// (<see cref="DockerNodeOptions.Endpoint"/>, else <c>DOCKER_HOST</c>, else the default socket; TLS client
/// certificates), the API version negotiated with the engine on first use unless pinned, and every call run through
/// the runtime's retry, circuit-breaker and per-attempt timeout pipeline.</summary>
public sealed class DockerEngineConnection : IDisposable
{
    private readonly DockerNode _node;

    /// <summary>Creates the connection; nothing is sent to the engine before the first call.</summary>
    /// <param name="engine">The engine: name (used in errors), endpoint, TLS certificate directory, pinned API version.</param>
    /// <param name="runtime">The call timeout and resilience settings.</param>
    /// <param name="timeProvider">The clock of the timeouts and retries.</param>
    public DockerEngineConnection(DockerNodeOptions engine, DockerRuntimeOptions runtime, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _node = new DockerNode(engine, runtime, timeProvider);
    }

    /// <summary>Where the engine answers.</summary>
    public Uri Endpoint => _node.Endpoint.Uri;

    /// <summary>Runs one call through the pipeline.</summary>
    /// <param name="call">The call, given the client and the attempt's cancellation.</param>
    /// <param name="cancellationToken">Cancels the call and its retries.</param>
    /// <returns>The call's result.</returns>
    public Task<T> CallAsync<T>(Func<DockerClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return _node.CallAsync(call, cancellationToken);
    }

    /// <summary>Runs one call without a result through the pipeline.</summary>
    /// <param name="call">The call, given the client and the attempt's cancellation.</param>
    /// <param name="cancellationToken">Cancels the call and its retries.</param>
    public Task CallAsync(Func<DockerClient, CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return _node.CallAsync(call, cancellationToken);
    }

    /// <summary>The engine's client itself, for streams (which the pipeline's timeout would cut); the first use
    /// negotiates the API version.</summary>
    /// <param name="cancellationToken">Cancels the negotiation.</param>
    /// <returns>The connection's one client; disposed with the connection.</returns>
    public ValueTask<DockerClient> GetClientAsync(CancellationToken cancellationToken) => _node.GetClientAsync(cancellationToken);

    /// <summary>Disposes the client.</summary>
    public void Dispose() => _node.Dispose();
}
