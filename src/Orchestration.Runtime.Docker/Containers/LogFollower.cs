using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Docker.DotNet.Models;
using Orchestration.Runtime.Docker.Client;

namespace Orchestration.Runtime.Docker.Containers;

/// <summary>Follows a container's stdout and stderr through the engine's logs stream (<c>follow=true</c>), line by
/// line, until the container ends (the engine closes the stream) or the caller stops.</summary>
internal sealed class LogFollower(DockerNodes nodes)
{
    public async IAsyncEnumerable<string> FollowAsync(ContainerRef container, int tail, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var node = nodes[container.Node];
        var client = await node.GetClientAsync(cancellationToken).ConfigureAwait(false);
        global::Docker.DotNet.MultiplexedStream stream;
        try
        {
            stream = await client.Containers.GetContainerLogsAsync(
                container.Id,
                new ContainerLogsParameters
                {
                    ShowStdout = true,
                    ShowStderr = true,
                    Follow = true,
                    Tail = tail == int.MaxValue ? "all" : Math.Max(0, tail).ToString(CultureInfo.InvariantCulture),
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (EngineErrors.IsNotFound(e))
        {
            yield break;
        }

        using (stream)
        using (cancellationToken.Register(stream.Dispose))
        {
            var buffer = new byte[8192];
            var chars = new char[buffer.Length];
            var decoder = new UTF8Encoding(false).GetDecoder();
            var line = new StringBuilder();
            while (!cancellationToken.IsCancellationRequested)
            {
                global::Docker.DotNet.MultiplexedStream.ReadResult read;
                try
                {
                    read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is ObjectDisposedException or IOException && cancellationToken.IsCancellationRequested)
                {
                    yield break;
                }

                if (read.EOF)
                {
                    break;
                }

                var count = decoder.GetChars(buffer, 0, read.Count, chars, 0);
                for (var i = 0; i < count; i++)
                {
                    if (chars[i] == '\n')
                    {
                        yield return line.ToString().TrimEnd('\r');
                        line.Clear();
                    }
                    else
                    {
                        line.Append(chars[i]);
                    }
                }
            }

            if (line.Length > 0)
            {
                yield return line.ToString().TrimEnd('\r');
            }
        }
    }
}
