using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Orchestration.AspNetCore.Streaming;

/// <summary>Writes a <c>text/event-stream</c> response: named events with one line of data each, flushed at once.</summary>
internal sealed class ServerSentEvents
{
    private readonly HttpResponse _response;

    private ServerSentEvents(HttpResponse response) => _response = response;

    public static async Task<ServerSentEvents> StartAsync(HttpContext context)
    {
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.StartAsync(context.RequestAborted).ConfigureAwait(false);
        var stream = new ServerSentEvents(response);
        await stream.CommentAsync("stream open", context.RequestAborted).ConfigureAwait(false);
        return stream;
    }

    /// <summary>Writes one event; <paramref name="data"/> must be one line (JSON without indentation is).</summary>
    public async Task WriteAsync(string name, string data, CancellationToken cancellationToken)
    {
        var text = new StringBuilder().Append("event: ").Append(name).Append('\n')
            .Append("data: ").Append(data.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)).Append("\n\n").ToString();
        await _response.WriteAsync(text, cancellationToken).ConfigureAwait(false);
        await _response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A comment line: keeps proxies from closing an idle stream.</summary>
    public async Task CommentAsync(string text, CancellationToken cancellationToken)
    {
        await _response.WriteAsync($": {text}\n\n", cancellationToken).ConfigureAwait(false);
        await _response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
