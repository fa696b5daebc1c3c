using System.Collections.Concurrent;
using System.Diagnostics;
using Orchestration.Runtime;

namespace Orchestration.Testing.Sessions;

/// <summary>The one watchdog process of this test process. It is started with the first fleet and lives as long as
/// this process: when this process ends, however it ends, the watchdog's stdin closes and it removes whatever still
/// carries this process's session label. Engines are added as fleets use them; adding one also sweeps it of dead
/// sessions.</summary>
internal sealed class WatchdogProcess : IAsyncDisposable
{
    private static readonly SemaphoreSlim StartGate = new(1, 1);
    private static WatchdogProcess? _current;

    private readonly Process _process;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string?>> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _log = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SemaphoreSlim _requestGate = new(1, 1);

    private WatchdogProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => OnReply(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLog(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The watchdog of this process, if one was started.</summary>
    public static WatchdogProcess? Current => _current;

    /// <summary>The watchdog's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Whether it still runs.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>The last lines it wrote to stderr, for diagnostics.</summary>
    public IReadOnlyList<string> Log => [.. _log];

    /// <summary>The watchdog of this process, started on first use (or again if it died).</summary>
    public static async Task<WatchdogProcess> GetAsync(CancellationToken cancellationToken)
    {
        await StartGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is { IsRunning: true } running)
            {
                return running;
            }

            return _current = Start(SessionLabel.Current);
        }
        finally
        {
            StartGate.Release();
        }
    }

    /// <summary>Starts a watchdog for <paramref name="session"/>, watching this process.</summary>
    public static WatchdogProcess Start(SessionLabel session)
    {
        var start = new ProcessStartInfo(WatchdogLocator.FindHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in new[] { "exec", WatchdogLocator.FindAssembly(), "--parent", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--session", session.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"The test watchdog could not be started with {start.FileName}.");
        return new WatchdogProcess(process);
    }

    /// <summary>Tells the watchdog about an engine and waits until it is connected and swept of dead sessions.</summary>
    /// <exception cref="InvalidOperationException">The watchdog could not reach the engine, or exited.</exception>
    public async Task WatchEngineAsync(EngineEndpoint engine, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // One request at a time: the answer names the engine, and each request must wait for its own sweep.
        await _requestGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var key = engine.Uri.ToString();
            var reply = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[key] = reply;
            await SendAsync(engine.TlsCertificateDirectory is { } certificates ? $"engine {key} {certificates}" : $"engine {key}", cancellationToken).ConfigureAwait(false);
            string? failure;
            try
            {
                failure = await reply.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new InvalidOperationException($"The test watchdog (pid {ProcessId}) did not confirm engine {key} within {timeout}. {Describe()}");
            }
            finally
            {
                _pending.TryRemove(new(key, reply));
            }

            if (failure is not null)
            {
                throw new InvalidOperationException($"The test watchdog cannot reach engine {key}: {failure}. {Describe()}");
            }
        }
        finally
        {
            _requestGate.Release();
        }
    }

    /// <summary>Hands the removal of a fleet's containers and networks to the watchdog: it removes them in the background
    /// and finishes before it exits, even when told to exit or when this process ends first.</summary>
    public async Task RemoveInBackgroundAsync(IEnumerable<Uri> endpoints, string fleet, CancellationToken cancellationToken)
    {
        foreach (var endpoint in endpoints)
        {
            await SendAsync($"remove {endpoint} {OrchestrationLabels.Fleet}={fleet}", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Tells the watchdog this process uses the kept fleet of <paramref name="key"/>: once this process ends, the
    /// watchdog removes it when nobody has used it for its idle period.</summary>
    public Task UseReusedFleetAsync(string key, CancellationToken cancellationToken) => SendAsync($"reuse {key}", cancellationToken);

    /// <summary>Tells the watchdog to exit without cleaning up, and waits for it.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await SendAsync("exit", CancellationToken.None).ConfigureAwait(false);
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or OperationCanceledException)
        {
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>Closes the watchdog's stdin, as the end of this process would (tests use it).</summary>
    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Waits until the watchdog exits.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>Kills the watchdog at once, as if it crashed (tests use it).</summary>
    public void Kill() => _process.Kill();

    private async Task SendAsync(string line, CancellationToken cancellationToken)
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"The test watchdog (pid {ProcessId}) exited with code {_process.ExitCode}. {Describe()}");
        }

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _process.StandardInput.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
            await _process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private void OnReply(string? line)
    {
        if (line is null)
        {
            foreach (var waiter in _pending.Values)
            {
                waiter.TrySetResult("the watchdog exited");
            }

            return;
        }

        var parts = line.Split(' ', 3);
        if (parts.Length >= 2 && _pending.TryGetValue(parts[1], out var waiter2))
        {
            waiter2.TrySetResult(parts[0] == "ready" ? null : parts.Length == 3 ? parts[2] : line);
        }
    }

    private void OnLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        _log.Enqueue(line);
        while (_log.Count > 50 && _log.TryDequeue(out _))
        {
        }
    }

    private string Describe() => _log.IsEmpty ? "It wrote nothing." : $"Its last output: {string.Join(" | ", _log)}";
}
