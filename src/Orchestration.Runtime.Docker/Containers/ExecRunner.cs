using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestration.Runtime.Docker.Client;

namespace Orchestration.Runtime.Docker.Containers;

/// <summary>Runs a command in a running container and collects its output. Docker cannot kill an exec: when the
/// timeout passes, the adapter stops waiting, closes the attached stream and reports <see cref="ExecResult.TimedOut"/>;
/// the process may linger in the container until it ends by itself.</summary>
internal sealed class ExecRunner(DockerNodes nodes)
{
    private const int MaxOutputChars = 64 * 1024;

    public async Task<ExecResult> RunAsync(ContainerRef container, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var node = nodes[container.Node];
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var output = new StringBuilder();
        try
        {
            var created = await node.CallAsync(
                (c, ct) => c.Exec.CreateContainerExecAsync(
                    container.Id,
                    new ContainerExecCreateParameters { Cmd = [.. command], AttachStdout = true, AttachStderr = true },
                    ct),
                deadline.Token).ConfigureAwait(false);
            var client = await node.GetClientAsync(deadline.Token).ConfigureAwait(false);
            using (var stream = await client.Exec.StartContainerExecAsync(created.ID, new ContainerExecStartParameters(), deadline.Token).ConfigureAwait(false))
            {
                // Some transports ignore the token while blocked in a read; WaitAsync makes the deadline hold anyway,
                // and disposing the stream then ends the read.
                await ReadAllAsync(stream, output, deadline.Token).WaitAsync(deadline.Token).ConfigureAwait(false);
            }

            return new ExecResult(await ExitCodeAsync(node, created.ID, deadline.Token).ConfigureAwait(false), Text(output), TimedOut: false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new ExecResult(null, Text(output), TimedOut: true);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw EngineErrors.Wrap(node.Name, $"running '{string.Join(' ', command)}' in container {container}", e);
        }
    }

    private static async Task ReadAllAsync(MultiplexedStream stream, StringBuilder output, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        var chars = new char[buffer.Length];
        var decoder = new UTF8Encoding(false).GetDecoder();
        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
            if (read.EOF)
            {
                return;
            }

            var count = decoder.GetChars(buffer, 0, read.Count, chars, 0);
            lock (output)
            {
                if (output.Length < MaxOutputChars)
                {
                    output.Append(chars, 0, Math.Min(count, MaxOutputChars - output.Length));
                }
            }
        }
    }

    /// <summary>The stream closes as the process ends; the exit code can trail it by a moment.</summary>
    private static async Task<int?> ExitCodeAsync(DockerNode node, string execId, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            var inspect = await node.CallAsync((c, ct) => c.Exec.InspectContainerExecAsync(execId, ct), cancellationToken).ConfigureAwait(false);
            if (!inspect.Running)
            {
                return (int?)inspect.ExitCode;
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMilliseconds(200).Ticks));
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
