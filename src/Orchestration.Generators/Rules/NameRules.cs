using System.Text.RegularExpressions;

namespace Orchestration.Generators.Rules;

/// <summary>The syntax rules of names and image references. A copy of <c>Orchestration.SpecRules</c> (which the
/// generator cannot reference: it runs in the compiler, on netstandard2.0); tests run both on the same inputs.</summary>
internal static class NameRules
{
    private static readonly Regex DnsLabel = new("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant);

    private static readonly Regex EnvName = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    private static readonly Regex ImageReference = new(
        @"^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?/)?" +
        @"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*" +
        @"(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@[a-z0-9]+(?:[+._-][a-z0-9]+)*:[0-9a-fA-F]{32,})?$",
        RegexOptions.CultureInvariant);

    public static bool IsDnsLabel(string? name)
        => name is { Length: > 0 and <= 63 } && DnsLabel.IsMatch(name);

    public static bool IsPortName(string? name)
        => name is { Length: > 0 and <= 15 } && DnsLabel.IsMatch(name);

    public static bool IsEnvironmentName(string? name)
        => name is { Length: > 0 } && EnvName.IsMatch(name);

    public static bool IsImageReference(string? image)
        => image is { Length: > 0 and <= 255 } && ImageReference.IsMatch(image);
}
