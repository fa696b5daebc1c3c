using System;
using System.Globalization;

namespace Orchestration.Generators.Rules;

/// <summary>The resource quantity rules of <c>Orchestration.Quantity</c> and the count-or-percentage rule of
/// <c>Orchestration.IntOrPercent</c>, rewritten for netstandard2.0. Keep them in sync: the tests run both
/// implementations on the same inputs.</summary>
internal static class QuantityRules
{
    public const string CpuHint = "use millicores such as \"250m\" or cores such as \"1.5\"";

    public const string MemoryHint = "use bytes with an optional suffix Ki, Mi, Gi, Ti, k, M, G or T, such as \"512Mi\"";

    private static readonly (string Suffix, long Factor)[] MemorySuffixes =
    {
        ("Ki", 1L << 10), ("Mi", 1L << 20), ("Gi", 1L << 30), ("Ti", 1L << 40),
        ("k", 1_000L), ("K", 1_000L), ("M", 1_000_000L), ("G", 1_000_000_000L), ("T", 1_000_000_000_000L),
    };

    public static bool TryParseCpuMillicores(string? text, out long millicores)
    {
        millicores = 0;
        if (text is null || string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.EndsWith("m", StringComparison.Ordinal))
        {
            return long.TryParse(trimmed.Substring(0, trimmed.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out millicores)
                   && millicores > 0;
        }

        if (!decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var cores))
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

    public static bool TryParseBytes(string? text, out long bytes)
    {
        bytes = 0;
        if (text is null || string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var number = text.Trim();
        long factor = 1;
        foreach (var (suffix, f) in MemorySuffixes)
        {
            if (number.EndsWith(suffix, StringComparison.Ordinal))
            {
                factor = f;
                number = number.Substring(0, number.Length - suffix.Length);
                break;
            }
        }

        if (number.Length == 0 || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        decimal scaled;
        try
        {
            scaled = decimal.Ceiling(value * factor);
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

    /// <summary>Parses "3" or "25%", as <c>IntOrPercent.Parse</c> does.</summary>
    public static bool TryParseIntOrPercent(string? text, out int value, out bool isPercent)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        isPercent = trimmed.EndsWith("%", StringComparison.Ordinal);
        var number = isPercent ? trimmed.Substring(0, trimmed.Length - 1) : trimmed;
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
