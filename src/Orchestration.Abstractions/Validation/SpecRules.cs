using System.Text.RegularExpressions;

namespace Orchestration;

/// <summary>The syntax rules that names and references must follow.</summary>
internal static partial class SpecRules
{
    public const string ReservedLabelPrefix = "io.orchestration.";

    public static bool IsDnsLabel(string? name)
        => name is { Length: > 0 and <= 63 } && DnsLabel().IsMatch(name);

    public static bool IsPortName(string? name)
        => name is { Length: > 0 and <= 15 } && PortName().IsMatch(name);

    public static bool IsEnvironmentName(string? name)
        => name is { Length: > 0 } && EnvName().IsMatch(name);

    /// <summary>Docker image references, in the engine's grammar (<see cref="ImageReferenceGrammar"/>).</summary>
    public static bool IsImageReference(string? image) => ImageReferenceGrammar.Check(image) is null;

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex PortName();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvName();
}
