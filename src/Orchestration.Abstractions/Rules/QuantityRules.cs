using System;
using System.Globalization;

namespace Orchestration.Rules;

/// <summary>Resource quantities written the Kubernetes way (CPU as "250m" or "1.5", memory as "512Mi") and replica
/// budgets ("3" or "25%"). One source, compiled into the library and into the typed-workload generator.</summary>
internal static class QuantityRules
{
    /// <summary>How to write a CPU quantity.</summary>
    public const string CpuHint = "use millicores such as \"250m\" or cores such as \"1.5\"";

    /// <summary>How to write a memory quantity.</summary>
    public const string MemoryHint = "use bytes with an optional suffix Ki, Mi, Gi, Ti, k, M, G or T, such as \"512Mi\"";

    /// <summary>How to write a replica budget.</summary>
    public const string ReplicaBudgetHint = "use a replica count such as \"2\" or a percentage such as \"25%\"";

    private static readonly (string Suffix, long Factor)[] MemorySuffixes =
    {
        ("Ki", 1L << 10), ("Mi", 1L << 20), ("Gi", 1L << 30), ("Ti", 1L << 40),
        ("k", 1_000L), ("K", 1_000L), ("M", 1_000_000L), ("G", 1_000_000_000L), ("T", 1_000_000_000_000L),
    };

    /// <summary>"250m" is 250, "1.5" is 1500, "2" is 2000; zero, negatives and finer than a millicore are refused.</summary>
    public static bool TryParseCpuMillicores(string? text, out long millicores)
    {
        millicores = 0;
        var trimmed = text?.Trim();
        if (trimmed is null || trimmed.Length == 0)
        {
            return false;
        }

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

    /// <summary>"512Mi", "2Gi", "1G" or plain bytes, rounded up to whole bytes; zero and negatives are refused.</summary>
    public static bool TryParseBytes(string? text, out long bytes)
    {
        bytes = 0;
        var number = text?.Trim();
        if (number is null || number.Length == 0)
        {
            return false;
        }

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

    /// <summary>"3" (a count) or "25%" (a share of the desired replicas).</summary>
    public static bool TryParseIntOrPercent(string? text, out int value, out bool isPercent)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        isPercent = trimmed.EndsWith("%", StringComparison.Ordinal);
        var number = isPercent ? trimmed.Substring(0, trimmed.Length - 1) : trimmed;
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
