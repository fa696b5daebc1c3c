using System.Runtime.CompilerServices;
using System.Text;

namespace Orchestration.Runtime.Docker.Containers;

/// <summary>Reads an engine's multiplexed output stream (container or service logs) as lines: stdout and stderr
/// demultiplexed, each line as soon as its line break arrives, until the stream ends or the caller stops reading. The
/// stream is disposed at the end.</summary>
internal static class MultiplexedLines
{
    public static async IAsyncEnumerable<string> ReadAsync(global::Docker.DotNet.MultiplexedStream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
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
