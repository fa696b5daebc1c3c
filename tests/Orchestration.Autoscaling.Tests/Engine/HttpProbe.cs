using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Orchestration.Autoscaling.Tests.Engine;

/// <summary>One HTTP/1.0 request on a new connection, read to the end (busybox httpd closes each connection).</summary>
internal static class HttpProbe
{
    public static async Task<(string Response, TimeSpan Elapsed)> GetAsync(string host, int port, string path, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        using var cts = new CancellationTokenSource(timeout);
        using var client = new TcpClient();
        await client.ConnectAsync(host, port, cts.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.0\r\nHost: test\r\n\r\n"), cts.Token);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var response = await reader.ReadToEndAsync(cts.Token);
        return (response, watch.Elapsed);
    }
}
