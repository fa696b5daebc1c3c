using System.Runtime.CompilerServices;
using Docker.DotNet.Models;
using Orchestration.Runtime.Docker.Client;

namespace Orchestration.Runtime.Docker.Containers;

/// <summary>Streams a container's output line by line (<c>docker logs --follow</c>): stdout and stderr demultiplexed,
/// each line as soon as its line break arrives, until the container ends or the caller stops reading.</summary>
internal static class ContainerLogFollower
{
    public static async IAsyncEnumerable<string> FollowAsync(DockerNode node, ContainerRef container, int tail, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        global::Docker.DotNet.MultiplexedStream? stream;
        try
        {
            var client = await node.GetClientAsync(cancellationToken).ConfigureAwait(false);
            stream = await client.Containers.GetContainerLogsAsync(
                container.Id,
                new ContainerLogsParameters
                {
                    ShowStdout = true,
                    ShowStderr = true,
                    Follow = true,
                    Tail = tail < 0 ? "all" : tail.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (EngineErrors.IsNotFound(e))
        {
            yield break;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw EngineErrors.Wrap(node.Name, $"following logs of container {container}", e);
        }

        await foreach (var line in MultiplexedLines.ReadAsync(stream, cancellationToken).ConfigureAwait(false))
        {
            yield return line;
        }
    }
}
