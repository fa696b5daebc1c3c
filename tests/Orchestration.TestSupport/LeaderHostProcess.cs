using System.Diagnostics;
using System.Threading.Channels;

namespace Orchestration.TestSupport;

/// <summary>One Orchestration.LeaderElection.App process: a host app orchestrating a fleet with leader election on
/// Redis. Its output lines are read as they come, with the time each arrived; it is driven through its standard input
/// and killed with SIGKILL by process id.</summary>
public sealed class LeaderHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly Channel<(string Line, TimeSpan At)> _lines = Channel.CreateUnbounded<(string, TimeSpan)>();
    private readonly List<string> _seen = [];
    private readonly Task<string> _errors;

    private LeaderHostProcess(Process process)
    {
        _process = process;
        _errors = process.StandardError.ReadToEndAsync();
        _ = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                await _lines.Writer.WriteAsync((line, Clock.Elapsed));
            }

            _lines.Writer.Complete();
        });
    }

    /// <summary>The clock every arrival time is read from.</summary>
    public static Stopwatch Clock { get; } = Stopwatch.StartNew();

    public int ProcessId => _process.Id;

    /// <summary>Starts the app at <paramref name="path"/> (its built dll) with <c>dotnet exec</c>.</summary>
    public static LeaderHostProcess Start(string path, string fleet, string redis, TimeSpan lease, TimeSpan renewDeadline, TimeSpan retry)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", path, fleet, redis, Ms(lease), Ms(renewDeadline), Ms(retry) })
        {
            start.ArgumentList.Add(argument);
        }

        return new LeaderHostProcess(Process.Start(start)!);
    }

    /// <summary>Waits for the next line (after those already read) that starts with <paramref name="prefix"/>.</summary>
    public async Task<(string Line, TimeSpan At)> WaitForAsync(string prefix, double seconds = 60)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            while (true)
            {
                var (line, at) = await _lines.Reader.ReadAsync(deadline.Token);
                _seen.Add(line);
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return (line, at);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            var errors = _process.HasExited ? await _errors : "(still running)";
            throw new TimeoutException($"Process {_process.Id} printed no line starting with '{prefix}' within {seconds} s. It printed: {string.Join(" | ", _seen)}. Its stderr: {errors}");
        }
    }

    /// <summary>Sends a command and returns the answer line starting with <paramref name="answer"/>.</summary>
    public async Task<string> AskAsync(string command, string answer, double seconds = 30)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        var (line, _) = await WaitForAsync(answer, seconds);
        return line;
    }

    public async Task SendAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>SIGKILL: no finally block, no dispose, no exit handler runs; the lease is left to expire.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static string Ms(TimeSpan value) => ((long)value.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
