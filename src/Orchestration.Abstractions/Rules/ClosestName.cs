using System;
using System.Collections.Generic;

namespace Orchestration.Rules;

/// <summary>Finds the known name closest to a misspelt one, for "did you mean" hints. One source for every message
/// that suggests a name, in the library and in the typed-workload generator.</summary>
internal static class ClosestName
{
    /// <summary>The candidate within a small edit distance of <paramref name="name"/> (at most a third of its length,
    /// at least one edit), the closest first; <see langword="null"/> when none is that close.</summary>
    public static string? Find(string? name, IEnumerable<string> candidates)
    {
        if (name is null || name.Length == 0)
        {
            return null;
        }

        var allowed = Math.Max(1, name.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (candidate is null || string.Equals(candidate, name, StringComparison.Ordinal))
            {
                continue;
            }

            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance <= allowed && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>" Did you mean 'x'?" when a candidate is close, else an empty string.</summary>
    public static string Hint(string? name, IEnumerable<string> candidates)
        => Find(name, candidates) is { } closest ? $" Did you mean '{closest}'?" : string.Empty;

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
