using System.Net;
using System.Text.Json;
using Docker.DotNet;

namespace Orchestration.Runtime.Docker.Client;

/// <summary>Extracts the engine's own message from its error answers and turns them into exceptions naming the node.</summary>
internal static class EngineErrors
{
    public static string Message(DockerApiException exception)
    {
        var body = exception.ResponseBody;
        if (string.IsNullOrWhiteSpace(body))
        {
            return $"the engine answered {(int)exception.StatusCode} ({exception.StatusCode})";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message)
                && message.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
        }

        return body.Trim();
    }

    public static bool IsNotFound(Exception exception) => exception is DockerApiException { StatusCode: HttpStatusCode.NotFound };

    public static bool IsConflict(Exception exception) => exception is DockerApiException { StatusCode: HttpStatusCode.Conflict };

    /// <summary>Whether the engine gave no answer at all (connection refused, timeout, open circuit), as opposed to an
    /// error answer.</summary>
    public static bool IsUnreachable(Exception exception)
    {
        var inner = exception is DockerEngineException { InnerException: { } cause } ? cause : exception;
        return inner is not DockerApiException && inner is not ArgumentException && inner is not InvalidOperationException;
    }

    /// <summary>One line for an exception and its causes, outermost first, without repeats: a TLS failure reads
    /// "Authentication failed: SSL Handshake failed with OpenSSL error - SSL_ERROR_SSL: …: sslv3 alert bad certificate"
    /// instead of "see inner exception".</summary>
    public static string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var text = (e is DockerApiException api ? Message(api) : e.Message)
                .Replace(", see inner exception", "", StringComparison.OrdinalIgnoreCase)
                .Trim().TrimEnd('.');
            if (text.Length > 0 && !parts.Contains(text, StringComparer.Ordinal))
            {
                parts.Add(text);
            }
        }

        return string.Join(": ", parts);
    }

    public static DockerEngineException Wrap(string node, string action, Exception exception) => exception switch
    {
        DockerEngineException engine => engine,
        DockerApiException api => new DockerEngineException(node, $"{action}: {Message(api)}", exception),
        _ => new DockerEngineException(node, $"{action}: {exception.Message}", exception),
    };
}
