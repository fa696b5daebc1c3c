using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Orchestration.Runtime;

namespace Orchestration.Health;

/// <summary>Runs one check of a probe, never longer than its timeout: HTTP GET on the published port (2xx and 3xx
/// pass), TCP connect, or exec (exit code 0 passes; the wait is bounded here because an engine may not be able to
/// kill an exec). A registered <see cref="IProbeTransport"/> that serves the target's runtime is asked instead.</summary>
internal sealed class ProbeExecutor : IDisposable
{
    private readonly TimeProvider _time;
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromSeconds(30),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    private readonly IReadOnlyList<IProbeTransport> _transports;

    public ProbeExecutor(TimeProvider time, IEnumerable<IProbeTransport> transports)
    {
        _time = time;
        _transports = [.. transports];
    }

    public async Task<ProbeOutcome> RunAsync(ProbeTargetInfo target, ProbeTarget role, ProbeSpec probe, CancellationToken cancellationToken)
    {
        foreach (var transport in _transports)
        {
            if (transport.Serves(target.Runtime))
            {
                return transport.Answer(target.Container, role, probe);
            }
        }

        using var deadline = new CancellationTokenSource(probe.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            var check = probe.Kind switch
            {
                ProbeKind.Http => HttpAsync(target, probe, linked.Token),
                ProbeKind.Tcp => TcpAsync(target, probe, linked.Token),
                _ => ExecAsync(target, probe, linked.Token),
            };
            return await check.WaitAsync(probe.Timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
        {
            return ProbeOutcome.Failed(string.Create(CultureInfo.InvariantCulture, $"timed out after {probe.Timeout.TotalSeconds:0.###} s"));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return ProbeOutcome.Failed(Describe(ex));
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<ProbeOutcome> HttpAsync(ProbeTargetInfo target, ProbeSpec probe, CancellationToken cancellationToken)
    {
        if (!TryEndpoint(target, probe, out var endpoint, out var missing))
        {
            return missing;
        }

        var uri = new Uri($"http://{endpoint}{probe.Path ?? "/"}");
        try
        {
            using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            return code is >= 200 and < 400 ? ProbeOutcome.Passed : ProbeOutcome.Failed(string.Create(CultureInfo.InvariantCulture, $"status {code} from GET {uri}"));
        }
        catch (HttpRequestException ex)
        {
            // HttpClient's own message ("An error occurred while sending the request.") names neither; the cause is inside.
            return ProbeOutcome.Failed($"GET {uri} failed: {Describe(Innermost(ex))}");
        }
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is { } inner)
        {
            ex = inner;
        }

        return ex;
    }

    private static async Task<ProbeOutcome> TcpAsync(ProbeTargetInfo target, ProbeSpec probe, CancellationToken cancellationToken)
    {
        if (!TryEndpoint(target, probe, out var endpoint, out var missing))
        {
            return missing;
        }

        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endpoint.Host, endpoint.Port, cancellationToken).ConfigureAwait(false);
        return ProbeOutcome.Passed;
    }

    private static async Task<ProbeOutcome> ExecAsync(ProbeTargetInfo target, ProbeSpec probe, CancellationToken cancellationToken)
    {
        var result = await target.Runtime.ExecAsync(target.Container, probe.Command, probe.Timeout, cancellationToken).ConfigureAwait(false);
        if (result.TimedOut)
        {
            return ProbeOutcome.Failed(string.Create(CultureInfo.InvariantCulture, $"timed out after {probe.Timeout.TotalSeconds:0.###} s"));
        }

        if (result.ExitCode == 0)
        {
            return ProbeOutcome.Passed;
        }

        var output = result.Output.Trim();
        if (output.Length > 200)
        {
            output = output[..200];
        }

        return ProbeOutcome.Failed(output.Length == 0 ? $"exit code {result.ExitCode}" : $"exit code {result.ExitCode}: {output}");
    }

    private static bool TryEndpoint(ProbeTargetInfo target, ProbeSpec probe, out HostEndpoint endpoint, out ProbeOutcome missing)
    {
        if (probe.Port is { } port && target.Ports.TryGetValue(port, out endpoint))
        {
            if (endpoint.Host is "0.0.0.0" or "::" or "")
            {
                endpoint = new HostEndpoint(IPAddress.Loopback.ToString(), endpoint.Port);
            }

            missing = default;
            return true;
        }

        endpoint = default;
        missing = ProbeOutcome.Failed($"port '{probe.Port}' is not published");
        return false;
    }

    private static string Describe(Exception ex) => ex switch
    {
        SocketException s => s.SocketErrorCode == SocketError.ConnectionRefused ? "connection refused" : s.Message,
        HttpRequestException { InnerException: SocketException s } => s.SocketErrorCode == SocketError.ConnectionRefused ? "connection refused" : s.Message,
        _ => ex.Message,
    };
}
