namespace Orchestration.Kubernetes;

/// <summary>The <c>kubernetes</c> command an application offers next to running its fleet:
/// <c>dotnet run -- kubernetes [--output FILE] [--namespace NS] [--secret NAME] [--no-isolation]
/// [--no-disruption-budgets] [--strict [--allow FIELD]…]</c> writes the fleet's manifests instead of starting it. Call
/// <see cref="TryRun(string[], FleetSpec, out int)"/> first thing in <c>Main</c>.</summary>
public static class KubernetesCommandLine
{
    /// <summary>The first argument that selects the command.</summary>
    public const string Verb = "kubernetes";

    /// <summary>Exit code of a run whose manifests were written but that had warnings under <c>--strict</c>.</summary>
    public const int WarningsExitCode = 2;

    /// <summary>Exit code of a command line that could not be understood.</summary>
    public const int UsageExitCode = 64;

    /// <summary>When <paramref name="args"/> start with <c>kubernetes</c>, writes the manifests of
    /// <paramref name="fleet"/> (to the console or <c>--output</c>), the warnings and the Secret keys to the error
    /// stream, and returns <see langword="true"/> with the exit code to return; otherwise does nothing.</summary>
    public static bool TryRun(string[] args, FleetSpec fleet, out int exitCode)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || !string.Equals(args[0], Verb, StringComparison.Ordinal))
        {
            exitCode = 0;
            return false;
        }

        exitCode = Run(args[1..], fleet, Console.Out, Console.Error);
        return true;
    }

    /// <summary>Runs the command with the arguments that follow <c>kubernetes</c>.</summary>
    /// <returns>0, <see cref="WarningsExitCode"/>, <see cref="UsageExitCode"/>, or 1 when the fleet is not valid.</returns>
    public static int Run(IReadOnlyList<string> args, FleetSpec fleet, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var parsed = CommandLineArguments.Parse(args);
        if (parsed.Problem is { } problem)
        {
            error.WriteLine($"kubernetes: {problem}");
            error.WriteLine(CommandLineArguments.Usage);
            return UsageExitCode;
        }

        if (parsed.Help)
        {
            output.WriteLine(CommandLineArguments.Usage);
            return 0;
        }

        KubernetesExport export;
        try
        {
            export = KubernetesManifests.From(fleet, parsed.Options);
        }
        catch (SpecValidationException e)
        {
            error.WriteLine($"kubernetes: the fleet '{fleet.Name}' is not valid: {e.Message}");
            return 1;
        }

        var yaml = export.ToYaml();
        if (parsed.OutputPath is { } path)
        {
            File.WriteAllText(path, yaml);
            error.WriteLine($"kubernetes: wrote {export.Objects.Count} objects of the fleet '{fleet.Name}' to {path}");
        }
        else
        {
            output.Write(yaml);
        }

        foreach (var warning in export.Warnings)
        {
            error.WriteLine($"warning: {warning}");
        }

        foreach (var secret in export.Secrets.GroupBy(s => s.Secret, StringComparer.Ordinal))
        {
            var keys = string.Join(' ', secret.Select(s => $"--from-literal={s.Key}=..."));
            error.WriteLine($"secret: the pods read the Secret '{secret.Key}'; create it first: kubectl create secret generic {secret.Key} {keys}");
        }

        return parsed.Strict && export.Warnings.Any(w => !parsed.IsAllowed(w)) ? WarningsExitCode : 0;
    }
}
