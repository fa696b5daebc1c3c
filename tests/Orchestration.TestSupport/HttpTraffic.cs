namespace Orchestration.TestSupport;

/// <summary>Sends requests one after another until disposed, each to the target of that moment (a fixed address, or
/// one of the endpoints the orchestrator publishes then, in turn), and counts answers, failures (errors, non-2xx
/// answers, no endpoint) and the last body seen: the traffic of the tests that change a fleet under load.</summary>
public sealed class HttpTraffic : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly HttpClient? _owned;
    private readonly Func<int, ServiceEndpoint?>? _endpoints;
    private readonly Uri? _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _failures = [];
    private readonly Task _loop;
    private int _succeeded;

    /// <summary>Sends to <paramref name="target"/> (relative to the client's base address, if it has one).</summary>
    public HttpTraffic(HttpClient http, Uri target)
    {
        _http = http;
        _target = target;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Sends to the ready replicas of <paramref name="workload"/> on its port <c>http</c>, in turn, with a
    /// client of its own that opens a connection per request.</summary>
    public HttpTraffic(IOrchestrator orchestrator, string workload)
    {
        _owned = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        _http = _owned;
        _endpoints = i => orchestrator.GetEndpoints(workload, "http") is { Count: > 0 } endpoints ? endpoints[i % endpoints.Count] : null;
        _loop = Task.Run(RunAsync);
    }

    public int Succeeded => Volatile.Read(ref _succeeded);

    public string LastBody { get; private set; } = "";

    public IReadOnlyList<string> Failures
    {
        get
        {
            lock (_failures)
            {
                return [.. _failures];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _owned?.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var i = 0;
        while (!_stop.IsCancellationRequested)
        {
            var endpoint = _endpoints?.Invoke(i++);
            var target = endpoint?.ToUri() ?? _target;
            if (target is null)
            {
                Fail("no endpoint");
                await Task.Delay(20);
                continue;
            }

            try
            {
                using var response = await _http.GetAsync(target, _stop.Token);
                var body = await response.Content.ReadAsStringAsync(_stop.Token);
                if (!response.IsSuccessStatusCode)
                {
                    throw new HttpRequestException($"status {(int)response.StatusCode}");
                }

                LastBody = body.Trim();
                Interlocked.Increment(ref _succeeded);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                var at = endpoint is null ? target.ToString() : $"{endpoint.ReplicaId} {endpoint.Address}";
                Fail($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {at}: {e.GetType().Name}: {e.Message}");
            }

            await Task.Delay(5);
        }
    }

    private void Fail(string failure)
    {
        lock (_failures)
        {
            _failures.Add(failure);
        }
    }
}
