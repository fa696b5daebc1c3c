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

    /// <summary>Edit distance counting an insertion, a deletion, a substitution or a swap of neighbours as one edit
    /// (optimal string alignment), so "wbe" is one edit from "web".</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
