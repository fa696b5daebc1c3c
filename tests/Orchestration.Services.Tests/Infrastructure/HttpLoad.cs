namespace Orchestration.Services.Tests.Infrastructure;

/// <summary>Sends requests in a loop until disposed and counts answers, failures (errors and non-2xx) and the last
/// body seen.</summary>
internal sealed class HttpLoad : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _failures = [];
    private readonly Task _loop;
    private int _succeeded;

    public HttpLoad(HttpClient http, Uri target)
    {
        _http = http;
        _target = target;
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
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                using var response = await _http.GetAsync(_target, _stop.Token);
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
                    _failures.Add($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {e.GetType().Name}: {e.Message}");
                }
            }

            await Task.Delay(5);
        }
    }
}
