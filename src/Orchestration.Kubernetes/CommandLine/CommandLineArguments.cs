namespace Orchestration.Kubernetes;

/// <summary>The options of the <c>kubernetes</c> command, or the first problem with them.</summary>
internal sealed record CommandLineArguments
{
    public const string Usage =
        """
        usage: kubernetes [options]
          -o, --output FILE          write the manifests to FILE instead of the console
          -n, --namespace NS         put every object in namespace NS
              --secret NAME          name of the Secret holding the fleet's secrets (default: <fleet>-secrets)
              --no-isolation         leave out the NetworkPolicy that isolates the fleet
              --no-disruption-budgets leave out the PodDisruptionBudgets
              --strict               exit with code 2 when something could not be expressed
              --allow FIELD          under --strict, accept what is reported for FIELD (such as
                                     update.failureAction or dependencies); repeatable
          -h, --help                 show this help
        """;

    public KubernetesExportOptions Options { get; init; } = KubernetesExportOptions.Default;

    public string? OutputPath { get; init; }

    public bool Strict { get; init; }

    /// <summary>Field paths, without the workload, whose warnings --strict accepts.</summary>
    public IReadOnlyList<string> Allowed { get; init; } = [];

    public bool Help { get; init; }

    public string? Problem { get; init; }

    public static CommandLineArguments Parse(IReadOnlyList<string> args)
    {
        var result = new CommandLineArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (arg)
            {
                case "-o" or "--output":
                    result = Value() is { } output ? result with { OutputPath = output } : Missing(arg);
                    break;
                case "-n" or "--namespace":
                    result = Value() is { } ns ? result with { Options = result.Options with { Namespace = ns } } : Missing(arg);
                    break;
                case "--secret":
                    result = Value() is { } secret ? result with { Options = result.Options with { SecretObjectName = secret } } : Missing(arg);
                    break;
                case "--no-isolation":
                    result = result with { Options = result.Options with { IsolateFleet = false } };
                    break;
                case "--no-disruption-budgets":
                    result = result with { Options = result.Options with { DisruptionBudgets = false } };
                    break;
                case "--allow":
                    result = Value() is { } field ? result with { Allowed = [.. result.Allowed, field] } : Missing(arg);
                    break;
                case "--strict":
                    result = result with { Strict = true };
                    break;
                case "-h" or "--help":
                    result = result with { Help = true };
                    break;
                default:
                    return new CommandLineArguments { Problem = $"unknown option '{arg}'" };
            }

            if (result.Problem is not null)
            {
                return result;
            }
        }

        return result;
    }

    /// <summary>Whether --strict accepts <paramref name="warning"/>: its field, less a leading <c>workloads["…"].</c>,
    /// starts with an allowed field.</summary>
    public bool IsAllowed(ExportWarning warning)
    {
        var field = warning.Field;
        if (field.StartsWith("workloads[\"", StringComparison.Ordinal))
        {
            var end = field.IndexOf("\"].", StringComparison.Ordinal);
            field = end < 0 ? field : field[(end + 3)..];
        }

        return Allowed.Any(a => field.StartsWith(a, StringComparison.Ordinal));
    }

    private static CommandLineArguments Missing(string option) => new() { Problem = $"option '{option}' needs a value" };
}
