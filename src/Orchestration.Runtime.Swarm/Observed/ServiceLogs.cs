using System.Runtime.CompilerServices;
using Docker.DotNet.Models;
using Orchestration.Runtime.Docker.Containers;
using Orchestration.Runtime.Swarm.Mapping;

namespace Orchestration.Runtime.Swarm;

/// <summary>A workload's output on the swarm (<c>docker service logs --follow</c>): every task's lines, as the manager
/// gathers them from the nodes. Each line names its task (Swarm's details prefix) as the replica.</summary>
internal sealed class ServiceLogs(SwarmManager manager)
{
    private const string TaskPrefix = "com.docker.swarm.task.id=";

    public async IAsyncEnumerable<LogLine> FollowAsync(string fleet, string workload, int tail, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = await manager.GetClientAsync(cancellationToken).ConfigureAwait(false);
        var stream = await client.Swarm.GetServiceLogsAsync(
            SwarmNames.Service(fleet, workload),
            false,
            new ServiceLogsParameters
            {
                ShowStdout = true,
                ShowStderr = true,
                Follow = true,
                Details = true,
                Tail = tail.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            cancellationToken).ConfigureAwait(false);
        await foreach (var line in MultiplexedLines.ReadAsync(stream, cancellationToken).ConfigureAwait(false))
        {
            yield return Parse(workload, line);
        }
    }

    /// <summary>"details text": the details are comma-separated key=value pairs, the task id among them.</summary>
    private static LogLine Parse(string workload, string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var details = space < 0 ? string.Empty : line[..space];
        var task = details.Split(',').FirstOrDefault(d => d.StartsWith(TaskPrefix, StringComparison.Ordinal))?[TaskPrefix.Length..];
        return task is null
            ? new LogLine(workload, "unknown", string.Empty, line)
            : new LogLine(workload, task, string.Empty, line[(space + 1)..]);
    }
}
