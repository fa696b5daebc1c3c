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

    /// <summary>Docker image references: [host[:port]/]path[:tag][@algo:digest], lowercase path components.</summary>
    public static bool IsImageReference(string? image)
        => image is { Length: > 0 and <= 255 } && ImageReference().IsMatch(image);

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex PortName();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvName();

    [GeneratedRegex(
        @"^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?/)?" +
        @"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*" +
        @"(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@[a-z0-9]+(?:[+._-][a-z0-9]+)*:[0-9a-fA-F]{32,})?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex ImageReference();
}
