using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Polly.Timeout;

namespace Orchestration.Runtime.Docker.Resilience;

/// <summary>Decides which failures of an engine call are worth retrying: connection problems, timeouts and the
/// engine's 5xx answers. 4xx answers (bad request, not found, conflict) are the caller's to handle.</summary>
internal static class TransientFailures
{
    public static bool IsTransient(Exception? exception) => exception switch
    {
        null => false,
        DockerApiException api => (int)api.StatusCode >= 500 && api.StatusCode != HttpStatusCode.NotImplemented,
        HttpRequestException => true,
        IOException => true,
        SocketException => true,
        TimeoutRejectedException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsTransient),
        _ => exception.InnerException is { } inner && inner is HttpRequestException or IOException or SocketException,
    };
}
