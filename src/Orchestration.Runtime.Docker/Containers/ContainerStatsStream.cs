using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Docker.DotNet.Models;
using Orchestration.Runtime.Docker.Client;

namespace Orchestration.Runtime.Docker.Containers;

/// <summary>Streams a container's statistics (<c>docker stats</c>): one long request per container, a sample about
/// every second, each turned into cores used since the previous sample and memory in use less the reclaimable page
/// cache. Samples go through a channel written synchronously, so they are read in the engine's order.</summary>
internal static class ContainerStatsStream
{
    public static async IAsyncEnumerable<ContainerStats> ReadAsync(DockerNode node, ContainerRef container, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var samples = Channel.CreateBounded<ContainerStatsResponse>(new BoundedChannelOptions(8) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = ReadIntoAsync(node, container, samples.Writer, stop.Token);
        try
        {
            await foreach (var sample in samples.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (Convert(sample) is { } stats)
                {
                    yield return stats;
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await reading.ConfigureAwait(false);
        }
    }

    private static async Task ReadIntoAsync(DockerNode node, ContainerRef container, ChannelWriter<ContainerStatsResponse> writer, CancellationToken cancellationToken)
    {
        try
        {
            var client = await node.GetClientAsync(cancellationToken).ConfigureAwait(false);
            await client.Containers.GetContainerStatsAsync(
                container.Id,
                new ContainerStatsParameters { Stream = true },
                new SynchronousProgress(writer),
                cancellationToken).ConfigureAwait(false);
            writer.TryComplete();
        }
        catch (Exception e) when (e is OperationCanceledException || EngineErrors.IsNotFound(e))
        {
            writer.TryComplete();
        }
        catch (Exception e)
        {
            writer.TryComplete(EngineErrors.Wrap(node.Name, $"reading statistics of container {container}", e));
        }
    }

    private static ContainerStats? Convert(ContainerStatsResponse sample)
    {
        if (sample.CPUStats?.CPUUsage is not { } cpu || sample.PreCPUStats?.CPUUsage is not { } previous)
        {
            return null;
        }

        var cpuDelta = (double)cpu.TotalUsage - previous.TotalUsage;
        var previousSystem = (double)(sample.PreCPUStats.SystemUsage ?? 0);
        var systemDelta = (double)(sample.CPUStats.SystemUsage ?? 0) - previousSystem;
        var cpus = sample.CPUStats.OnlineCPUs is > 0 ? (double)sample.CPUStats.OnlineCPUs.Value : Math.Max(1, cpu.PercpuUsage?.Count ?? 1);
        if (previousSystem <= 0 || systemDelta <= 0)
        {
            return null;
        }

        var cores = cpuDelta >= 0 ? cpuDelta / systemDelta * cpus : 0;
        var memory = sample.MemoryStats is { } m ? (long)(m.Usage ?? 0) - Cache(m) : 0;
        return new ContainerStats(new DateTimeOffset(DateTime.SpecifyKind(sample.Read, DateTimeKind.Utc)), cores, Math.Max(0, memory));
    }

    private static long Cache(MemoryStats memory)
    {
        if (memory.Stats is null)
        {
            return 0;
        }

        return memory.Stats.TryGetValue("inactive_file", out var inactive) ? (long)inactive
            : memory.Stats.TryGetValue("total_inactive_file", out var total) ? (long)total
            : 0;
    }

    /// <summary>Writes each sample as it is reported, on the reporting thread (a <see cref="Progress{T}"/> would post
    /// them to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(ChannelWriter<ContainerStatsResponse> writer) : IProgress<ContainerStatsResponse>
    {
        public void Report(ContainerStatsResponse value) => writer.TryWrite(value);
    }
}
