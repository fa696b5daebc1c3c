using System.Net.Sockets;
using System.Text;

namespace Orchestration.Health.Tests;

/// <summary>Checks once that the real engine answers. A missing engine fails every test with a message saying how to
/// start one; it is never a reason to skip (in CI neither).</summary>
public sealed class EngineFixture : IAsyncLifetime
{
    public const string V1 = "orchestration/busybox:1";

    public const string V2 = "orchestration/busybox:2";

    public async Task InitializeAsync()
    {
        const string socketPath = "/var/run/docker.sock";
        var endpoint = Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : "unix://" + socketPath;
        try
        {
            if (endpoint.StartsWith("unix://", StringComparison.Ordinal))
            {
                using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(endpoint["unix://".Length..]), deadline.Token);
                await socket.SendAsync(Encoding.ASCII.GetBytes("GET /_ping HTTP/1.0\r\n\r\n"), deadline.Token);
                var buffer = new byte[64];
                var read = await socket.ReceiveAsync(buffer, deadline.Token);
                if (!Encoding.ASCII.GetString(buffer, 0, read).Contains("200", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("the engine did not answer /_ping with 200");
                }
            }
        }
        catch (Exception e)
        {
            var where = Environment.GetEnvironmentVariable("CI") == "true" ? " (CI)" : "";
            throw new InvalidOperationException(
                $"No Docker engine answers at {endpoint}{where}; run `bash eng/engine.sh up` and `bash eng/images.sh`, then run the tests again. Cause: {e.Message}", e);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

