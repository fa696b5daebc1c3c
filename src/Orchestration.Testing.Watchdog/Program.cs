using System.Runtime.InteropServices;

namespace Orchestration.Testing.Watchdog;

/// <summary>Entry point. Exit codes: 0 after a cleanup or an <c>exit</c> command, 2 for bad arguments.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var arguments = WatchdogArguments.Parse(args, Console.Error);
        if (arguments is null)
        {
            return 2;
        }

        // Signals sent to the whole process group (Ctrl+C in a terminal, a CI runner cancelling a job) must not stop the
        // watchdog before it cleaned up: it ends when its parent ends, or when told to.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => c.Cancel = true);
        using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, c => c.Cancel = true);
        using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, c => c.Cancel = true);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => c.Cancel = true);

        // A stream reader reads stdin truly asynchronously; Console.In would block the thread that watches the parent.
        using var commands = new StreamReader(Console.OpenStandardInput());
        await using var watchdog = new SessionWatchdog(arguments, commands, Console.Out, Console.Error);
        return await watchdog.RunAsync().ConfigureAwait(false);
    }
}
