using System.Collections.Immutable;
using System.Globalization;
using Docker.DotNet;
using Orchestration.Runtime.Docker.Resilience;
using Polly;

namespace Orchestration.Runtime.Docker.Client;

/// <summary>One Docker engine used as a node. It owns the engine's single client, built on first use with the API
/// version negotiated from the engine's version answer, and the resilience pipeline (retry, circuit breaker,
/// timeout) that every single call to this engine goes through.</summary>
internal sealed class DockerNode : IDisposable
{
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private readonly ResiliencePipeline _pipeline;
    private readonly TimeSpan _describeTimeout;
    private DockerClient? _client;
    private NodeInfo? _lastKnown;
    private int _state = (int)NodeState.Ready;

    public DockerNode(DockerNodeOptions options, DockerRuntimeOptions runtimeOptions, TimeProvider timeProvider)
    {
        Options = options;
        Name = options.Name;
        Endpoint = EngineEndpoint.Resolve(options);
        _pipeline = EngineCallPipeline.Create(runtimeOptions, timeProvider);
        _describeTimeout = runtimeOptions.CallTimeout;
    }

    public string Name { get; }

    public DockerNodeOptions Options { get; }

    public EngineEndpoint Endpoint { get; }

    /// <summary>The engine's host when it is on another machine (a TCP endpoint that is not loopback), where its
    /// published ports are reached; <see langword="null"/> for an engine on this machine.</summary>
    public string? RemoteHost => Endpoint.Uri.Scheme is "tcp" or "http" or "https" && !Endpoint.Uri.IsLoopback && Endpoint.Uri.Host != "localhost"
        ? Endpoint.Uri.Host
        : null;

    /// <summary>Where this node publishes ports that name no host address: its own option, else for an engine on another
    /// machine every address (a loopback binding there could not be reached from here), else the runtime's.</summary>
    public string PublishAddress(DockerRuntimeOptions runtime)
        => Options.PublishAddress ?? (RemoteHost is not null ? "0.0.0.0" : runtime.PublishAddress);

    /// <summary>The API version spoken with the engine, once connected.</summary>
    public Version? ApiVersion { get; private set; }

    /// <summary>Ready until a ping fails; see <see cref="TrySetState"/>.</summary>
    public NodeState State => (NodeState)Volatile.Read(ref _state);

    /// <summary>Sets the state and reports whether it changed.</summary>
    public bool TrySetState(NodeState state) => Interlocked.Exchange(ref _state, (int)state) != (int)state;

    /// <summary>The engine's client, created once: the first call negotiates the API version.</summary>
    public async ValueTask<DockerClient> GetClientAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _client) is { } client)
        {
            return client;
        }

        await _connectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_client is { } existing)
            {
                return existing;
            }

            var version = EngineAddressRules.TryParseApiVersion(Options.ApiVersion, out var pinned)
                ? pinned
                : await DockerClientFactory.NegotiateAsync(Name, Endpoint, cancellationToken).ConfigureAwait(false);
            ApiVersion = version;
            Volatile.Write(ref _client, DockerClientFactory.Create(Endpoint, version));
            return _client!;
        }
        finally
        {
            _connectLock.Release();
        }
    }

    /// <summary>Runs one engine call through the node's pipeline.</summary>
    public async Task<T> CallAsync<T>(Func<DockerClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken, TimeSpan? attemptTimeout = null)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        if (attemptTimeout is { } timeout)
        {
            context.Properties.Set(EngineCallPipeline.AttemptTimeout, timeout);
        }

        try
        {
            return await _pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    var client = await state.Node.GetClientAsync(ctx.CancellationToken).ConfigureAwait(false);
                    return await state.Call(client, ctx.CancellationToken).ConfigureAwait(false);
                },
                context,
                (Node: this, Call: call)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Runs one engine call without a result through the node's pipeline.</summary>
    public Task CallAsync(Func<DockerClient, CancellationToken, Task> call, CancellationToken cancellationToken, TimeSpan? attemptTimeout = null)
        => CallAsync<bool>(async (client, ct) =>
        {
            await call(client, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken, attemptTimeout);

    /// <summary>The node's state and capacity: the engine's CPU count and memory unless the options override them.
    /// An engine that does not answer (within the call timeout) is reported NotReady with its last known capacity.</summary>
    public async Task<NodeInfo> DescribeAsync(CancellationToken cancellationToken)
    {
        var labels = Options.Labels.ToImmutableSortedDictionary(StringComparer.Ordinal, StringComparer.Ordinal);
        var taints = Options.Taints.ToImmutableArray();
        try
        {
            // Not through the pipeline: its circuit breaker stays open for a while after the engine is back, and
            // describing the node is the health check that must see the engine answer again.
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(_describeTimeout);
            var client = await GetClientAsync(deadline.Token).ConfigureAwait(false);
            var info = await client.System.GetSystemInfoAsync(deadline.Token).ConfigureAwait(false);
            TrySetState(NodeState.Ready);
            var described = new NodeInfo
            {
                Name = Name,
                State = NodeState.Ready,
                Labels = labels,
                Taints = taints,
                CpuMillicores = Options.CpuMillicores ?? info.NCPU * 1000,
                MemoryBytes = Options.MemoryBytes ?? info.MemTotal,
            };
            Volatile.Write(ref _lastKnown, described);
            return described;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            TrySetState(NodeState.NotReady);
            var reason = e is OperationCanceledException
                ? string.Create(CultureInfo.InvariantCulture, $"{Endpoint.Uri} did not answer within {_describeTimeout.TotalSeconds:0.#} s")
                : $"{Endpoint.Uri}: {EngineErrors.Describe(e)}";
            return (Volatile.Read(ref _lastKnown) ?? new NodeInfo
            {
                Name = Name,
                Labels = labels,
                Taints = taints,
                CpuMillicores = Options.CpuMillicores ?? 0,
                MemoryBytes = Options.MemoryBytes ?? 0,
            }) with { State = NodeState.NotReady, Reason = reason };
        }
    }

    public void Dispose()
    {
        _client?.Dispose();
        _connectLock.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Endpoint})";
}
