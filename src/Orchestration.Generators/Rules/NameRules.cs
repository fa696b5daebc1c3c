using System.Text.RegularExpressions;

namespace Orchestration.Generators.Rules;

/// <summary>The syntax rules of names and image references. A copy of <c>Orchestration.SpecRules</c> (which the
/// generator cannot reference: it runs in the compiler, on netstandard2.0); tests run both on the same inputs. The
/// image reference grammar is not copied: its file is linked in.</summary>
internal static class NameRules
{
    private static readonly Regex DnsLabel = new("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant);

    private static readonly Regex EnvName = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    public static bool IsDnsLabel(string? name)
        => name is { Length: > 0 and <= 63 } && DnsLabel.IsMatch(name);

    public static bool IsPortName(string? name)
        => name is { Length: > 0 and <= 15 } && DnsLabel.IsMatch(name);

    public static bool IsEnvironmentName(string? name)
        => name is { Length: > 0 } && EnvName.IsMatch(name);

    /// <summary>The engine's grammar: the library's own <c>ImageReferenceGrammar</c>, linked into this project.</summary>
    public static bool IsImageReference(string? image) => ImageReferenceGrammar.Check(image) is null;
}
