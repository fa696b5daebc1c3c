using System.Collections.Concurrent;
using Docker.DotNet;

namespace Orchestration.Testing.Watchdog;

/// <summary>Watches one test process. Commands arrive as lines on stdin: <c>engine &lt;endpoint&gt;</c> adds an engine or
/// sweeps it again (answered on stdout by <c>ready &lt;endpoint&gt;</c> once connected and swept of dead sessions, or
/// <c>failed &lt;endpoint&gt; &lt;reason&gt;</c>), <c>exit</c> ends the watchdog without cleaning up. When stdin ends (the
/// parent closed it or died) or the parent process is gone, it removes every container and network carrying the
/// session label on every engine it knows, then exits.</summary>
internal sealed class SessionWatchdog : IAsyncDisposable
{
    private static readonly TimeSpan ParentPollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan CleanupDeadline = TimeSpan.FromSeconds(60);

    // A create call in flight when the parent died can still complete after the first pass lists containers.
    private static readonly TimeSpan SecondPassDelay = TimeSpan.FromSeconds(2);

    private readonly WatchdogArguments _arguments;
    private readonly TextReader _commands;
    private readonly TextWriter _replies;
    private readonly TextWriter _log;
    private readonly ConcurrentDictionary<Uri, DockerClient?> _engines = new();
    private readonly Lock _replyGate = new();

    public SessionWatchdog(WatchdogArguments arguments, TextReader commands, TextWriter replies, TextWriter log)
    {
        _arguments = arguments;
        _commands = commands;
        _replies = replies;
        _log = log;
    }

    public async Task<int> RunAsync()
    {
        using var parentGone = new CancellationTokenSource();
        foreach (var engine in _arguments.Engines)
        {
            await AddEngineAsync(engine, parentGone.Token).ConfigureAwait(false);
        }

        var watchParent = WatchParentAsync(parentGone.Token);
        var readCommands = Task.Run(() => ReadCommandsAsync(parentGone.Token));
        var first = await Task.WhenAny(watchParent, readCommands).ConfigureAwait(false);
        if (first == readCommands && await readCommands.ConfigureAwait(false) == Ending.Exit)
        {
            Log("told to exit");
            return 0;
        }

        await parentGone.CancelAsync().ConfigureAwait(false);
        Log(first == watchParent ? $"parent process {_arguments.ParentProcessId} is gone" : "stdin closed");
        await CleanUpAsync().ConfigureAwait(false);
        return 0;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var client in _engines.Values)
        {
            client?.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private async Task<Ending> ReadCommandsAsync(CancellationToken cancellationToken)
    {
        while (await ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            var command = line.Trim();
            if (command == "exit")
            {
                return Ending.Exit;
            }

            if (command.StartsWith("engine ", StringComparison.Ordinal) && Uri.TryCreate(command[7..].Trim(), UriKind.Absolute, out var engine))
            {
                await AddEngineAsync(engine, cancellationToken).ConfigureAwait(false);
            }
            else if (command.Length > 0)
            {
                Log($"ignored unknown command '{command}'");
            }
        }

        return Ending.EndOfInput;
    }

    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _commands.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            return null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private async Task WatchParentAsync(CancellationToken cancellationToken)
    {
        var parent = _arguments.Session.ProcessId == _arguments.ParentProcessId ? _arguments.Session : SessionLabel.Of(_arguments.ParentProcessId);
        while (parent is { IsAlive: true } && !cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(ParentPollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task AddEngineAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(TimeSpan.FromSeconds(30));
            if (_engines.GetValueOrDefault(endpoint) is not { } client)
            {
                client = await EngineClient.ConnectAsync(endpoint, deadline.Token).ConfigureAwait(false);
                _engines[endpoint] = client;
            }

            // Every harness start sweeps, so what a killed process and its killed watchdog left goes at the next start.
            var swept = await SessionReaper.SweepDeadSessionsAsync(client, deadline.Token).ConfigureAwait(false);
            if (swept > 0)
            {
                Log($"removed {swept} containers and networks of dead sessions on {endpoint}");
            }

            Reply($"ready {endpoint}");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Remember the engine anyway: the cleanup connects again.
            _engines.TryAdd(endpoint, null);
            Reply($"failed {endpoint} {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    private async Task CleanUpAsync()
    {
        using var deadline = new CancellationTokenSource(CleanupDeadline);
        var session = _arguments.Session.ToString();
        await Task.WhenAll(_engines.Keys.Select(e => CleanUpEngineAsync(e, session, deadline.Token))).ConfigureAwait(false);
    }

    private async Task CleanUpEngineAsync(Uri endpoint, string session, CancellationToken cancellationToken)
    {
        for (var pass = 1; pass <= 2; pass++)
        {
            try
            {
                var client = _engines.GetValueOrDefault(endpoint) ?? (_engines[endpoint] = await EngineClient.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false));
                var removed = await SessionReaper.RemoveSessionAsync(client, session, cancellationToken).ConfigureAwait(false);
                Log($"pass {pass}: removed {removed} containers and networks of session {session} on {endpoint}");
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                Log($"pass {pass} on {endpoint} failed: {e.Message}");
            }

            if (pass == 1)
            {
                await Task.Delay(SecondPassDelay, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private void Reply(string line)
    {
        lock (_replyGate)
        {
            try
            {
                _replies.WriteLine(line);
                _replies.Flush();
            }
            catch (IOException)
            {
                // The parent is gone; nobody reads the answer.
            }
        }
    }

    private void Log(string message)
    {
        try
        {
            _log.WriteLine($"watchdog [{DateTimeOffset.UtcNow:HH:mm:ss.fff}]: {message}");
            _log.Flush();
        }
        catch (IOException)
        {
        }
    }

    private enum Ending
    {
        EndOfInput,
        Exit,
    }
}
