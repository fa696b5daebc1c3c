using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Orchestration.AspNetCore.Streaming;
using Orchestration.Events;

namespace Orchestration.AspNetCore.Api;

/// <summary>The page's live feed (<c>GET stream</c>): first the recent events (<c>history</c>) and a snapshot, then each
/// event as it happens (<c>orchestration</c>) and a new snapshot whenever the fleet's status changed (<c>snapshot</c>),
/// looked for after every event and at least every <see cref="OrchestrationDashboardOptions.StatusInterval"/>.</summary>
internal static class FleetStream
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static async Task RunAsync(HttpContext context, IOrchestrator orchestrator, RecentEvents recent, IOptions<OrchestrationDashboardOptions> options, TimeProvider time)
    {
        var aborted = context.RequestAborted;
        var interval = options.Value.StatusInterval;
        var events = Channel.CreateBounded<OrchestrationEvent>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        using var subscription = orchestrator.Events.Subscribe(new EventObserver(e => events.Writer.TryWrite(e)));
        var stream = await ServerSentEvents.StartAsync(context).ConfigureAwait(false);
        try
        {
            var history = new JsonArray([.. recent.Snapshot().Select(DashboardJson.Event)]);
            await stream.WriteAsync("history", history.ToJsonString(DashboardJson.Options), aborted).ConfigureAwait(false);
            var last = string.Empty;
            var lastWrite = time.GetUtcNow();
            while (!aborted.IsCancellationRequested)
            {
                var snapshot = DashboardJson.Serialize(FleetSnapshot.Of(orchestrator, recent));
                if (!string.Equals(snapshot, last, StringComparison.Ordinal))
                {
                    await stream.WriteAsync("snapshot", snapshot, aborted).ConfigureAwait(false);
                    last = snapshot;
                    lastWrite = time.GetUtcNow();
                }
                else if (time.GetUtcNow() - lastWrite >= KeepAlive)
                {
                    await stream.CommentAsync("keep-alive", aborted).ConfigureAwait(false);
                    lastWrite = time.GetUtcNow();
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                wait.CancelAfter(interval);
                try
                {
                    await events.Reader.WaitToReadAsync(wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                }

                while (events.Reader.TryRead(out var e))
                {
                    await stream.WriteAsync("orchestration", DashboardJson.Event(e).ToJsonString(DashboardJson.Options), aborted).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The page went away.
        }
        catch (IOException) when (aborted.IsCancellationRequested)
        {
        }
    }
}
