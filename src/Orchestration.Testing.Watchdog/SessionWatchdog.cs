using System.Collections.Concurrent;
using Docker.DotNet;

namespace Orchestration.Testing.Watchdog;

/// <summary>Watches one test process. Commands arrive as lines on stdin: <c>engine &lt;endpoint&gt; [&lt;TLS certificate
/// directory&gt;]</c> adds an engine or
/// sweeps it again (answered on stdout by <c>ready &lt;endpoint&gt;</c> once connected and swept of dead sessions, or
/// <c>failed &lt;endpoint&gt; &lt;reason&gt;</c>), <c>remove &lt;endpoint&gt; &lt;label filter&gt;</c> removes the
/// containers and networks matching the filter in the background (a disposed fleet), <c>reuse &lt;key&gt;</c> says the parent uses a reused fleet, <c>exit</c> ends the
/// watchdog without cleaning up the session, once pending removals are done. When stdin ends (the
/// parent closed it or died) or the parent process is gone, it removes every container and network carrying the
/// session label on every engine it knows, then waits until the reused fleets its parent used are idle and removes them
/// (unless another live process uses them), then exits.</summary>
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

    // TLS certificate directories of the engines that need them, as the harness resolved them for the node.
    private readonly ConcurrentDictionary<Uri, string> _certificates = new();
    private readonly Lock _replyGate = new();
    private readonly List<Task> _removals = [];
    private readonly HashSet<string> _reuseKeys = new(StringComparer.Ordinal);

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
            await FinishRemovalsAsync().ConfigureAwait(false);
            return 0;
        }

        await parentGone.CancelAsync().ConfigureAwait(false);
        Log(first == watchParent ? $"parent process {_arguments.ParentProcessId} is gone" : "stdin closed");
        await Task.WhenAll(FinishRemovalsAsync(), CleanUpAsync()).ConfigureAwait(false);
        await RemoveReusedFleetsWhenIdleAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>The parent used reused fleets: it no longer does, and when nobody else uses one for its idle period, this
    /// watchdog removes it (a watchdog of another live user takes over otherwise).</summary>
    private async Task RemoveReusedFleetsWhenIdleAsync()
    {
        List<string> keys;
        lock (_reuseKeys)
        {
            keys = [.. _reuseKeys];
        }

        if (keys.Count == 0)
        {
            return;
        }

        foreach (var key in keys)
        {
            ReuseDirectory.RemoveUser(key, _arguments.Session);
        }

        Log($"waiting until reused fleets {string.Join(", ", keys)} are idle");
        try
        {
            await ReusedFleetReaper.RemoveWhenIdleAsync(keys, ConnectAsync, Log, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Log($"removing idle reused fleets failed: {e.Message}");
        }
    }

    private async Task<DockerClient> ConnectAsync(Uri endpoint, CancellationToken cancellationToken)
        => _engines.GetValueOrDefault(endpoint) ?? (_engines[endpoint] = await OpenAsync(endpoint, cancellationToken).ConfigureAwait(false));

    /// <summary>Connects as the Docker runtime does: the endpoint's TLS client certificates, the negotiated API version.</summary>
    private Task<DockerClient> OpenAsync(Uri endpoint, CancellationToken cancellationToken)
        => DockerClientFactory.ConnectAsync(endpoint.ToString(), new EngineEndpoint(endpoint, _certificates.GetValueOrDefault(endpoint)), cancellationToken);

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

            // "engine <endpoint> [<TLS certificate directory>]": the directory is the rest of the line (it may hold spaces).
            if (command.StartsWith("engine ", StringComparison.Ordinal) && command[7..].Trim().Split(' ', 2) is [var address, .. var rest]
                && Uri.TryCreate(address, UriKind.Absolute, out var engine))
            {
                if (rest is [var certificates] && certificates.Trim().Length > 0)
                {
                    _certificates[engine] = certificates.Trim();
                }

                await AddEngineAsync(engine, cancellationToken).ConfigureAwait(false);
            }
            else if (command.StartsWith("reuse ", StringComparison.Ordinal) && command[6..].Trim() is { Length: > 0 } key)
            {
                lock (_reuseKeys)
                {
                    _reuseKeys.Add(key);
                }
            }
            else if (command.StartsWith("remove ", StringComparison.Ordinal) && command.Split(' ', 3) is [_, var where, var filter]
                     && Uri.TryCreate(where, UriKind.Absolute, out var target) && filter.Length > 0)
            {
                lock (_removals)
                {
                    _removals.Add(RemoveAsync(target, filter));
                }
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
                client = await OpenAsync(endpoint, deadline.Token).ConfigureAwait(false);
                _engines[endpoint] = client;
            }

            // Every harness start sweeps, so what a killed process and its killed watchdog left goes at the next start.
            var swept = await SessionReaper.SweepDeadSessionsAsync(client, deadline.Token).ConfigureAwait(false);
            if (swept > 0)
            {
                Log($"removed {swept} containers and networks of dead sessions on {endpoint}");
            }

            var idle = await ReusedFleetReaper.SweepIdleAsync(ConnectAsync, Log, deadline.Token).ConfigureAwait(false);
            if (idle > 0)
            {
                Log($"removed {idle} idle reused fleets");
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

    /// <summary>Removes what matches <paramref name="labelFilter"/> on one engine: a fleet whose test disposed it and
    /// handed its removal over, so that disposing returns as soon as its containers are stopped.</summary>
    private async Task RemoveAsync(Uri endpoint, string labelFilter)
    {
        using var deadline = new CancellationTokenSource(CleanupDeadline);
        try
        {
            var client = _engines.GetValueOrDefault(endpoint) ?? (_engines[endpoint] = await OpenAsync(endpoint, deadline.Token).ConfigureAwait(false));
            var removed = await SessionReaper.RemoveLabelledAsync(client, labelFilter, deadline.Token).ConfigureAwait(false);
            Log($"removed {removed} containers and networks with {labelFilter} on {endpoint}");
        }
        catch (Exception e)
        {
            Log($"removing {labelFilter} on {endpoint} failed: {e.Message}");
        }
    }

    private Task FinishRemovalsAsync()
    {
        lock (_removals)
        {
            return Task.WhenAll(_removals);
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
                var client = _engines.GetValueOrDefault(endpoint) ?? (_engines[endpoint] = await OpenAsync(endpoint, cancellationToken).ConfigureAwait(false));
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
