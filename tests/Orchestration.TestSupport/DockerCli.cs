using System.Diagnostics;

namespace Orchestration.TestSupport;

/// <summary>Runs the docker command line, to look at the engine (or a swarm) as an operator would.</summary>
public static class DockerCli
{
    /// <summary>Runs <c>docker {arguments}</c> against the default engine; returns its standard output.</summary>
    /// <exception cref="InvalidOperationException">docker exited with an error; the message carries its standard error.</exception>
    public static Task<string> RunAsync(params string[] arguments) => RunCoreAsync(arguments);

    /// <summary>Runs <c>docker -H {host} {arguments}</c>; returns its standard output.</summary>
    /// <exception cref="InvalidOperationException">docker exited with an error; the message carries its standard error.</exception>
    public static Task<string> OnHostAsync(string host, params string[] arguments) => RunCoreAsync(["-H", host, .. arguments]);

    private static async Task<string> RunCoreAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"docker {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}");
        }

        return await output;
    }
}
