using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Orchestration.Generators.Emitting;

/// <summary>C# literals, identifiers and the environment variable names of endpoints.</summary>
internal static class CSharp
{
    public const string Immutable = "global::System.Collections.Immutable";

    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    public static string Literal(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Literal(long value) => value.ToString(CultureInfo.InvariantCulture) + "L";

    public static string Seconds(double seconds)
        => "global::System.TimeSpan.FromSeconds(" + seconds.ToString("R", CultureInfo.InvariantCulture) + "d)";

    public static string Strings(IEnumerable<string> values)
        => $"{Immutable}.ImmutableArray.Create<string>({string.Join(", ", values.Select(Literal))})";

    public static string Map(IEnumerable<(string Key, string Value)> entries)
    {
        var pairs = string.Join(", ", entries.Select(e => $"new({Literal(e.Key)}, {Literal(e.Value)})"));
        return $"{Immutable}.ImmutableSortedDictionary.CreateRange(global::System.StringComparer.Ordinal, " +
               $"new global::System.Collections.Generic.KeyValuePair<string, string>[] {{ {pairs} }})";
    }

    /// <summary>"orders-db" becomes "OrdersDb"; a name that starts with a digit gets a leading "_".</summary>
    public static string Pascal(string name)
    {
        var builder = new StringBuilder();
        var upper = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}
