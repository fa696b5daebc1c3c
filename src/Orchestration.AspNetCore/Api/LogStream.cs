using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Orchestration.AspNetCore.Streaming;

namespace Orchestration.AspNetCore.Api;

/// <summary>A replica's output followed live (<c>GET workloads/{workload}/replicas/{replica}/logs</c>): one
/// <c>line</c> event per line (a JSON string), across the replica's restarts, until the client goes away.</summary>
internal static class LogStream
{
    public static async Task RunAsync(HttpContext context, IOrchestrator orchestrator, IOptions<OrchestrationDashboardOptions> options, string workload, string replica, int? tail)
    {
        var aborted = context.RequestAborted;
        IAsyncEnumerable<string> lines;
        try
        {
            if (orchestrator.GetStatus()[workload]?.Replicas.Any(r => r.Id == replica) != true)
            {
                throw new ArgumentException($"Workload '{workload}' has no replica '{replica}'.", nameof(replica));
            }

            lines = OfReplica(orchestrator.FollowLogsAsync(workload, Math.Max(0, tail ?? options.Value.LogTail), aborted), replica, aborted);
        }
        catch (ArgumentException e)
        {
            await Results.NotFound(new ApiError(e.Message)).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var stream = await ServerSentEvents.StartAsync(context).ConfigureAwait(false);
        try
        {
            await foreach (var line in lines.ConfigureAwait(false))
            {
                await stream.WriteAsync("line", JsonSerializer.Serialize(line, DashboardJson.Options), aborted).ConfigureAwait(false);
            }

            await stream.WriteAsync("end", "{}", aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
        }
        catch (IOException) when (aborted.IsCancellationRequested)
        {
        }
    }

    /// <summary>The lines of one replica, across its restarts, out of its workload's lines; a separator line names each
    /// new container the replica runs in.</summary>
    private static async IAsyncEnumerable<string> OfReplica(IAsyncEnumerable<LogLine> lines, string replica, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? container = null;
        await foreach (var line in lines.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (line.Replica != replica)
            {
                continue;
            }

            if (container is not null && line.ContainerId != container)
            {
                yield return $"--- replica {line.Workload}/{replica}: container {line.ContainerId} ---";
            }

            container = line.ContainerId;
            yield return line.Text;
        }
    }
}
