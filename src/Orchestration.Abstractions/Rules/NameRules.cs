using System.Text.RegularExpressions;

namespace Orchestration.Rules;

/// <summary>The syntax rules that names and references must follow. One source, compiled into the library and into
/// the typed-workload generator (which runs in the compiler, on netstandard2.0), so both judge alike.</summary>
internal static class NameRules
{
    /// <summary>Label keys the SDK owns; specs may not set them.</summary>
    public const string ReservedLabelPrefix = "io.orchestration.";

    private static readonly Regex DnsLabel = new("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant);

    private static readonly Regex EnvName = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    /// <summary>A DNS label of at most 63 characters: workload, fleet, node and volume names.</summary>
    public static bool IsDnsLabel(string? name)
        => name is { Length: > 0 and <= 63 } && DnsLabel.IsMatch(name);

    /// <summary>A DNS label of at most 15 characters, as Kubernetes port names.</summary>
    public static bool IsPortName(string? name)
        => name is { Length: > 0 and <= 15 } && DnsLabel.IsMatch(name);

    /// <summary>A POSIX environment variable name.</summary>
    public static bool IsEnvironmentName(string? name)
        => name is { Length: > 0 } && EnvName.IsMatch(name);

    /// <summary>Docker image references, in the engine's grammar (<c>ImageReferenceGrammar</c>, linked in beside this file).</summary>
    public static bool IsImageReference(string? image) => ImageReferenceGrammar.Check(image) is null;
}
