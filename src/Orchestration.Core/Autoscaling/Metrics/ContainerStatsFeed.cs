using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Orchestration.Runtime;

namespace Orchestration.Autoscaling;

/// <summary>Reads the statistics stream of each container an autoscaler follows (one stream per container, no
/// polling) and keeps its recent samples, so a decision can average the CPU used since the previous one.</summary>
internal sealed partial class ContainerStatsFeed : IAsyncDisposable
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<string, Following> _follows = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ContainerStatsFeed(TimeProvider time, ILogger logger)
    {
        _time = time;
        _logger = logger;
    }

    /// <summary>Follows exactly <paramref name="containers"/>: starts the new ones, stops the others.</summary>
    public void Follow(IEnumerable<(ContainerRef Container, IContainerRuntime Runtime)> containers)
    {
        var wanted = containers.ToDictionary(c => c.Container.Id, StringComparer.Ordinal);
        foreach (var (id, follow) in _follows)
        {
            if (!wanted.ContainsKey(id) && _follows.TryRemove(id, out _))
            {
                follow.Stop.Cancel();
                follow.Stop.Dispose();
            }
        }

        foreach (var (id, (container, runtime)) in wanted)
        {
            _follows.GetOrAdd(id, _ =>
            {
                var follow = new Following();
                follow.Reading = ReadAsync(container, runtime, follow);
                return follow;
            });
        }
    }

    /// <summary>Average CPU cores and memory of a container's samples read after <paramref name="since"/> (the last
    /// sample when none is that recent); <see langword="null"/> before its first sample.</summary>
    public (double CpuCores, double MemoryBytes)? Average(string containerId, DateTimeOffset since)
    {
        if (!_follows.TryGetValue(containerId, out var follow))
        {
            return null;
        }

        lock (follow.Samples)
        {
            if (follow.Samples.Count == 0)
            {
                return null;
            }

            var recent = follow.Samples.Where(s => s.Received > since).ToList();
            if (recent.Count == 0)
            {
                recent = [follow.Samples[^1]];
            }

            return (recent.Average(s => s.Stats.CpuCores), recent.Average(s => (double)s.Stats.MemoryBytes));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var follow in _follows.Values)
        {
            await follow.Stop.CancelAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(_follows.Values.Select(f => f.Reading)).ConfigureAwait(false);
        foreach (var follow in _follows.Values)
        {
            follow.Stop.Dispose();
        }

        _follows.Clear();
    }

    private async Task ReadAsync(ContainerRef container, IContainerRuntime runtime, Following follow)
    {
        await Task.Yield();
        try
        {
            await foreach (var stats in runtime.StreamStatsAsync(container, follow.Stop.Token).ConfigureAwait(false))
            {
                var now = _time.GetUtcNow();
                lock (follow.Samples)
                {
                    follow.Samples.Add((now, stats));
                    follow.Samples.RemoveAll(s => s.Received < now - Keep);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        catch (Exception e)
        {
            LogStatsFailed(_logger, e, container.ToString());
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Autoscaling: the statistics stream of container {Container} ended with an error")]
    private static partial void LogStatsFailed(ILogger logger, Exception exception, string container);

    private sealed class Following
    {
        public CancellationTokenSource Stop { get; } = new();

        public List<(DateTimeOffset Received, ContainerStats Stats)> Samples { get; } = [];

        public Task Reading { get; set; } = Task.CompletedTask;
    }
}
