using System.Runtime.CompilerServices;
using System.Text;
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

        using (stream)
        {
            // stdout and stderr arrive interleaved in frames; each keeps its own partial line.
            var partial = new[] { new StringBuilder(), new StringBuilder() };
            var decoders = new[] { new UTF8Encoding(false).GetDecoder(), new UTF8Encoding(false).GetDecoder() };
            var buffer = new byte[8192];
            var chars = new char[buffer.Length];
            while (true)
            {
                global::Docker.DotNet.MultiplexedStream.ReadResult read;
                try
                {
                    read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException && !cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                if (read.EOF)
                {
                    break;
                }

                var which = read.Target == global::Docker.DotNet.MultiplexedStream.TargetStream.StandardError ? 1 : 0;
                var count = decoders[which].GetChars(buffer, 0, read.Count, chars, 0);
                foreach (var line in TakeLines(partial[which], chars.AsSpan(0, count)))
                {
                    yield return line;
                }
            }

            foreach (var rest in partial.Where(p => p.Length > 0))
            {
                yield return rest.ToString().TrimEnd('\r');
            }
        }
    }

    private static List<string> TakeLines(StringBuilder partial, ReadOnlySpan<char> chars)
    {
        var lines = new List<string>();
        foreach (var c in chars)
        {
            if (c == '\n')
            {
                lines.Add(partial.ToString().TrimEnd('\r'));
                partial.Clear();
            }
            else
            {
                partial.Append(c);
            }
        }

        return lines;
    }
}
