using System.Globalization;

namespace Orchestration;

/// <summary>Parses resource quantities written the Kubernetes way: CPU as "250m" or "1.5" cores,
/// memory as "512Mi", "2Gi", "1G" or plain bytes.</summary>
public static class Quantity
{
    private static readonly (string Suffix, long Factor)[] MemorySuffixes =
    [
        ("Ki", 1L << 10), ("Mi", 1L << 20), ("Gi", 1L << 30), ("Ti", 1L << 40),
        ("k", 1_000L), ("K", 1_000L), ("M", 1_000_000L), ("G", 1_000_000_000L), ("T", 1_000_000_000_000L),
    ];

    /// <summary>Parses a CPU quantity into millicores: "250m" is 250, "1.5" is 1500, "2" is 2000.</summary>
    /// <exception cref="FormatException">The text is not a positive CPU quantity; the message names it.</exception>
    public static long ParseCpuMillicores(string text)
        => TryParseCpuMillicores(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a CPU quantity: use millicores such as \"250m\" or cores such as \"1.5\".");

    /// <summary>Parses a memory quantity into bytes: "512Mi", "2Gi", "1G", "1048576".</summary>
    /// <exception cref="FormatException">The text is not a positive memory quantity; the message names it.</exception>
    public static long ParseBytes(string text)
        => TryParseBytes(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a memory quantity: use bytes with an optional suffix Ki, Mi, Gi, Ti, k, M, G or T, such as \"512Mi\".");

    /// <summary>Tries to parse a CPU quantity into millicores; see <see cref="ParseCpuMillicores"/>.</summary>
    public static bool TryParseCpuMillicores(string? text, out long millicores)
    {
        millicores = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        if (span.EndsWith("m", StringComparison.Ordinal))
        {
            return long.TryParse(span[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out millicores) && millicores > 0;
        }

        if (!decimal.TryParse(span, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var cores))
        {
            return false;
        }

        var scaled = cores * 1000m;
        if (scaled < 1m || scaled != decimal.Truncate(scaled) || scaled > long.MaxValue)
        {
            return false;
        }

        millicores = (long)scaled;
        return true;
    }

    /// <summary>Tries to parse a memory quantity into bytes; see <see cref="ParseBytes"/>.</summary>
    public static bool TryParseBytes(string? text, out long bytes)
    {
        bytes = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        long factor = 1;
        foreach (var (suffix, f) in MemorySuffixes)
        {
            if (span.EndsWith(suffix, StringComparison.Ordinal))
            {
                factor = f;
                span = span[..^suffix.Length];
                break;
            }
        }

        if (span.IsEmpty || !decimal.TryParse(span, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        decimal scaled;
        try
        {
            scaled = decimal.Ceiling(number * factor);
        }
        catch (OverflowException)
        {
            return false;
        }

        if (scaled < 1m || scaled > long.MaxValue)
        {
            return false;
        }

        bytes = (long)scaled;
        return true;
    }
}
