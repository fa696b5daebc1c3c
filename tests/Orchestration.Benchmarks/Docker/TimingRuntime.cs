using System.Collections.Concurrent;
using Orchestration.Runtime;

namespace Orchestration.Benchmarks.Docker;

/// <summary>Decorates the Docker runtime to timestamp every start request, by replica.</summary>
internal sealed class TimingRuntime(IContainerRuntime inner) : IContainerRuntime
{
    public ConcurrentQueue<(string ReplicaId, DateTimeOffset Requested, DateTimeOffset? Started)> Starts { get; } = new();

    public async Task<ContainerInfo> StartAsync(ContainerLaunch launch, CancellationToken cancellationToken)
    {
        var requested = DateTimeOffset.UtcNow;
        try
        {
            var info = await inner.StartAsync(launch, cancellationToken);
            Starts.Enqueue((launch.ReplicaId, requested, DateTimeOffset.UtcNow));
            return info;
        }
        catch
        {
            Starts.Enqueue((launch.ReplicaId, requested, null));
            throw;
        }
    }

    public Task<IReadOnlyList<NodeInfo>> GetNodesAsync(CancellationToken cancellationToken) => inner.GetNodesAsync(cancellationToken);

    public Task<IReadOnlyList<ContainerInfo>> ListContainersAsync(string fleet, CancellationToken cancellationToken) => inner.ListContainersAsync(fleet, cancellationToken);

    /// <summary>When the orchestrator received each container's died event, by container id.</summary>
    public ConcurrentDictionary<string, DateTimeOffset> DiedSeen { get; } = new(StringComparer.Ordinal);

    /// <summary>When each log read started and finished, by container id.</summary>
    public ConcurrentDictionary<string, (DateTimeOffset Requested, DateTimeOffset Done)> LogReads { get; } = new(StringComparer.Ordinal);

    public async IAsyncEnumerable<RuntimeEvent> WatchAsync(string fleet, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in inner.WatchAsync(fleet, cancellationToken))
        {
            if (e.Kind == RuntimeEventKind.Died && e.ContainerId is { } id)
            {
                DiedSeen.TryAdd(id, DateTimeOffset.UtcNow);
            }

            yield return e;
        }
    }

    public void Validate(WorkloadSpec spec, ICollection<ValidationProblem> problems) => inner.Validate(spec, problems);

    public Task PrepareFleetAsync(string fleet, CancellationToken cancellationToken) => inner.PrepareFleetAsync(fleet, cancellationToken);

    public async Task EnsureImageAsync(ContainerLaunch launch, CancellationToken cancellationToken)
    {
        var requested = DateTimeOffset.UtcNow;
        await inner.EnsureImageAsync(launch, cancellationToken);
        ImageChecks.Enqueue((launch.ReplicaId, requested, DateTimeOffset.UtcNow));
    }

    public Task StopAsync(ContainerRef container, TimeSpan gracePeriod, CancellationToken cancellationToken) => inner.StopAsync(container, gracePeriod, cancellationToken);

    /// <summary>When each removal finished, by container id.</summary>
    public ConcurrentDictionary<string, DateTimeOffset> Removed { get; } = new(StringComparer.Ordinal);

    /// <summary>When each image check finished, by replica.</summary>
    public ConcurrentQueue<(string ReplicaId, DateTimeOffset Requested, DateTimeOffset Done)> ImageChecks { get; } = new();

    public async Task RemoveAsync(ContainerRef container, CancellationToken cancellationToken)
    {
        await inner.RemoveAsync(container, cancellationToken);
        Removed[container.Id] = DateTimeOffset.UtcNow;
    }

    public Task RemoveVolumeAsync(string node, string volume, CancellationToken cancellationToken) => inner.RemoveVolumeAsync(node, volume, cancellationToken);

    public Task<ExecResult> ExecAsync(ContainerRef container, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken)
        => inner.ExecAsync(container, command, timeout, cancellationToken);

    public async Task<IReadOnlyList<string>> GetLogsAsync(ContainerRef container, int tail, CancellationToken cancellationToken)
    {
        var requested = DateTimeOffset.UtcNow;
        try
        {
            return await inner.GetLogsAsync(container, tail, cancellationToken);
        }
        finally
        {
            LogReads[container.Id] = (requested, DateTimeOffset.UtcNow);
        }
    }

    public Task DeleteFleetAsync(string fleet, CancellationToken cancellationToken) => inner.DeleteFleetAsync(fleet, cancellationToken);

    public IAsyncEnumerable<ContainerStats> StreamStatsAsync(ContainerRef container, CancellationToken cancellationToken)
        => inner.StreamStatsAsync(container, cancellationToken);
}
