using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Orchestration.Runtime;

namespace Orchestration.Logs;

/// <summary>Follows every container of one workload: each container the status names is followed once, from its last
/// <c>tail</c> lines when it was already running when following began, from its first line when it started later, so
/// that restarts, scaling and job runs are all heard. Ends when the caller stops reading.</summary>
internal sealed class WorkloadLogFollower(
    string workload,
    int tail,
    Func<WorkloadStatus?> status,
    Func<Task> nextChange,
    Func<string, IContainerRuntime?> runtimeOf)
{
    public async IAsyncEnumerable<LogLine> FollowAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var lines = Channel.CreateUnbounded<LogLine>(new UnboundedChannelOptions { SingleReader = true });
        var watch = WatchContainersAsync(lines.Writer, stop.Token);
        try
        {
            await foreach (var line in lines.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return line;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await watch.ConfigureAwait(false);
        }
    }

    private async Task WatchContainersAsync(ChannelWriter<LogLine> lines, CancellationToken cancellationToken)
    {
        var followed = new HashSet<string>(StringComparer.Ordinal);
        var followers = new List<Task>();
        var first = true;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var changed = nextChange();
                foreach (var replica in status()?.Replicas ?? [])
                {
                    if (replica is { Node: { } node, ContainerId: { } id } && followed.Add(id) && runtimeOf(node) is { } runtime)
                    {
                        followers.Add(FollowContainerAsync(runtime, new ContainerRef(node, id), replica.Id, first ? tail : -1, lines, cancellationToken));
                    }
                }

                first = false;
                await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            await Task.WhenAll(followers).ConfigureAwait(false);
            lines.TryComplete();
        }
    }

    private async Task FollowContainerAsync(IContainerRuntime runtime, ContainerRef container, string replica, int lines, ChannelWriter<LogLine> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var line in runtime.FollowLogsAsync(container, lines, cancellationToken).ConfigureAwait(false))
            {
                writer.TryWrite(new LogLine(workload, replica, container.Id, line));
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested || e is OperationCanceledException)
        {
            // A container that went away, or an engine that failed mid-stream: the other containers are still heard,
            // and the status shows what happened to this one.
        }
    }
}
