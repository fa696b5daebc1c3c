using System.Globalization;
using System.Text;

namespace Orchestration;

/// <summary>The one escaping rule for values shown inside quotes, in its two forms: as a problem prints a value
/// (<see cref="ForProblem"/>) and as Go's <c>%q</c> writes it in an engine's messages (<see cref="GoQuoted"/>). Both
/// write line breaks, tabs and backslashes as escapes and escape their own quote, so that no value can break a message
/// or a log line; they differ in the quote and in how other control characters are written. Compiled into each package
/// that prints or searches such values (linked source).</summary>
internal static class EscapedText
{
    /// <summary>How long a value a problem prints before it is cut.</summary>
    public const int MaxProblemLength = 200;

    /// <summary>The value as printed in a problem, between single quotes: control characters escaped (\n, \t, \0,
    /// \u001b…) and values longer than <see cref="MaxProblemLength"/> cut, with their length.</summary>
    public static string ForProblem(string value)
    {
        var text = Escape(value.Length > MaxProblemLength ? value[..MaxProblemLength] : value, goQuoted: false);
        return value.Length > MaxProblemLength ? text + string.Create(CultureInfo.InvariantCulture, $"… ({value.Length} characters)") : text;
    }

    /// <summary>The value as Go's <c>%q</c> writes it, without the surrounding double quotes.</summary>
    public static string GoQuoted(string value) => Escape(value, goQuoted: true);

    private static string Escape(string value, bool goQuoted)
    {
        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            _ = c switch
            {
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                '\\' => text.Append("\\\\"),
                '"' when goQuoted => text.Append("\\\""),
                '\'' when !goQuoted => text.Append("\\'"),
                _ when goQuoted => AppendGo(text, c),
                '\0' => text.Append("\\0"),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029'
                    => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        return text.ToString();
    }

    private static StringBuilder AppendGo(StringBuilder text, char c) => c switch
    {
        '\a' => text.Append("\\a"),
        '\b' => text.Append("\\b"),
        '\f' => text.Append("\\f"),
        '\v' => text.Append("\\v"),
        < ' ' or '\u007f' => text.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
        _ => text.Append(c),
    };
}
