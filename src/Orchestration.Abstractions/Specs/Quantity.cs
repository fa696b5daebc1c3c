namespace Orchestration;

/// <summary>Parses resource quantities written the Kubernetes way: CPU as "250m" or "1.5" cores,
/// memory as "512Mi", "2Gi", "1G" or plain bytes.</summary>
public static class Quantity
{
    /// <summary>Parses a CPU quantity into millicores: "250m" is 250, "1.5" is 1500, "2" is 2000.</summary>
    /// <exception cref="FormatException">The text is not a positive CPU quantity; the message names it.</exception>
    public static long ParseCpuMillicores(string text)
        => TryParseCpuMillicores(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a CPU quantity: {QuantityRules.CpuHint}.");

    /// <summary>Parses a memory quantity into bytes: "512Mi", "2Gi", "1G", "1048576".</summary>
    /// <exception cref="FormatException">The text is not a positive memory quantity; the message names it.</exception>
    public static long ParseBytes(string text)
        => TryParseBytes(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a memory quantity: {QuantityRules.MemoryHint}.");

    /// <summary>Tries to parse a CPU quantity into millicores; see <see cref="ParseCpuMillicores"/>.</summary>
    public static bool TryParseCpuMillicores(string? text, out long millicores) => QuantityRules.TryParseCpuMillicores(text, out millicores);

    /// <summary>Tries to parse a memory quantity into bytes; see <see cref="ParseBytes"/>.</summary>
    public static bool TryParseBytes(string? text, out long bytes) => QuantityRules.TryParseBytes(text, out bytes);
}
