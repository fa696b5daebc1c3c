using System.Diagnostics;
using System.Reflection;

namespace Orchestration.Swarm.Tests;

/// <summary>The test fleet's app as a process of its own (tests/Orchestration.Swarm.App), to be killed with SIGKILL.</summary>
internal sealed class SwarmAppProcess : IDisposable
{
    private readonly Process _process;

    private SwarmAppProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Starts the app and returns once it printed "ready" (its fleet is ready).</summary>
    public static async Task<SwarmAppProcess> StartAsync(string fleet, string manager, TimeSpan timeout)
    {
        var path = typeof(SwarmAppProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SwarmAppPath").Value!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(path);
        start.ArgumentList.Add(fleet);
        start.ArgumentList.Add(manager);
        var app = new SwarmAppProcess(Process.Start(start)!);
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (await app._process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                if (line == "ready")
                {
                    return app;
                }
            }

            throw new InvalidOperationException($"The app exited before its fleet was ready: {await app._process.StandardError.ReadToEndAsync(deadline.Token)}");
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL: no shutdown code of the app runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
