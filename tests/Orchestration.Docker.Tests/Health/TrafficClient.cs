namespace Orchestration.Docker.Tests.Health;

/// <summary>Sends requests continuously, each to one of the endpoints the orchestrator publishes at that moment, and
/// counts failures (errors and non-2xx answers) and the bodies seen.</summary>
public sealed class TrafficClient : IAsyncDisposable
{
    private readonly IOrchestrator _orchestrator;
    private readonly string _workload;
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<string> _failures = [];
    private int _succeeded;

    public TrafficClient(IOrchestrator orchestrator, string workload)
    {
        _orchestrator = orchestrator;
        _workload = workload;
        _loop = Task.Run(RunAsync);
    }

    public int Succeeded => Volatile.Read(ref _succeeded);

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

    public string LastBody { get; private set; } = "";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var i = 0;
        while (!_stop.IsCancellationRequested)
        {
            var endpoints = _orchestrator.GetEndpoints(_workload, "http");
            if (endpoints.Count == 0)
            {
                lock (_failures)
                {
                    _failures.Add("no endpoint");
                }

                await Task.Delay(20);
                continue;
            }

            var endpoint = endpoints[i++ % endpoints.Count];
            try
            {
                using var response = await _http.GetAsync(endpoint.ToUri(), _stop.Token);
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
                lock (_failures)
                {
                    _failures.Add($"{endpoint.ReplicaId} {endpoint.Address}: {e.Message}");
                }
            }

            await Task.Delay(10);
        }
    }
}
