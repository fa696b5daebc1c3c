using System.Diagnostics;
using System.Reflection;
using Orchestration.TestSupport;
using Orchestration.Testing.Sessions;

namespace Orchestration.Testing.Tests.Infrastructure;

/// <summary>The ChildFleet test process: started with <c>dotnet exec</c>, read until it prints what it started, then
/// killed with SIGKILL by the test.</summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process, string fleet, string session, int watchdogProcessId, string[] rest)
    {
        Rest = rest;
        _process = process;
        Fleet = fleet;
        Session = session;
        WatchdogProcessId = watchdogProcessId;
    }

    public string Fleet { get; }

    public string Session { get; }

    public int WatchdogProcessId { get; }

    /// <summary>What the child printed after the watchdog's pid.</summary>
    public string[] Rest { get; }

    public static async Task<ChildProcess> StartAsync(string mode, params string[] extra)
    {
        var path = typeof(ChildProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ChildFleetPath").Value!;
        var start = new ProcessStartInfo(WatchdogLocator.FindHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "exec", path, mode, EngineFixture.Image }.Concat(extra))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            line = null;
        }

        var parts = line?.Split(' ');
        if (parts is not ["started", var fleet, var session, var watchdog, ..])
        {
            process.Kill();
            Assert.Fail($"The child process did not start its fleet; it printed '{line}'. Its stderr: {await errors}");
            throw new UnreachableException();
        }

        return new ChildProcess(process, fleet, session, int.Parse(watchdog, System.Globalization.CultureInfo.InvariantCulture), parts[4..]);
    }

    /// <summary>SIGKILL: no finally block, no dispose, no exit handler runs.</summary>
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
        }

        _process.Dispose();
    }
}
