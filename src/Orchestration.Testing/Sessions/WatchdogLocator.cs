namespace Orchestration.Testing.Sessions;

/// <summary>Finds the watchdog's entry assembly and the <c>dotnet</c> host that runs it.</summary>
internal static class WatchdogLocator
{
    public const string Folder = "orchestration-watchdog";

    public const string AssemblyFile = "Orchestration.Testing.Watchdog.dll";

    /// <summary>Overrides where the watchdog assembly is looked for.</summary>
    public const string PathVariable = "ORCHESTRATION_WATCHDOG_PATH";

    /// <summary>The watchdog assembly: <see cref="PathVariable"/> when set, else the <see cref="Folder"/> next to this
    /// assembly, else next to the application.</summary>
    public static string FindAssembly()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } overridden)
        {
            return File.Exists(overridden)
                ? overridden
                : throw new FileNotFoundException($"{PathVariable} is set to '{overridden}', which does not exist.", overridden);
        }

        var candidates = new[] { Path.GetDirectoryName(typeof(WatchdogLocator).Assembly.Location), AppContext.BaseDirectory }
            .Where(d => !string.IsNullOrEmpty(d))
            .Select(d => Path.Combine(d!, Folder, AssemblyFile))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"The test watchdog was not found (looked for {string.Join(" and ", candidates)}). It is copied to the output by the Orchestration.Testing package's build targets; rebuild the test project.",
                AssemblyFile);
    }

    /// <summary>The <c>dotnet</c> host: <c>DOTNET_HOST_PATH</c> (set by the SDK for test runs), else this process when it
    /// is the host, else <c>dotnet</c> on the PATH.</summary>
    public static string FindHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? self
            : "dotnet";
    }
}
