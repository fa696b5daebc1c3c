using System.Globalization;
using System.Text;

namespace Orchestration;

/// <summary>A value as it is printed in a problem: control characters escaped (\n, \t, \0, \u001b…), so that no
/// value can break a message or a log line, and values longer than <see cref="MaxLength"/> cut with their length.</summary>
internal static class ProblemText
{
    public const int MaxLength = 200;

    public static string Escape(string value)
    {
        var shown = value.Length > MaxLength ? value[..MaxLength] : value;
        var text = new StringBuilder(shown.Length + 8);
        foreach (var c in shown)
        {
            _ = c switch
            {
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                '\0' => text.Append("\\0"),
                '\\' => text.Append("\\\\"),
                '\'' => text.Append("\\'"),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029'
                    => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        if (value.Length > MaxLength)
        {
            text.Append(CultureInfo.InvariantCulture, $"… ({value.Length} characters)");
        }

        return text.ToString();
    }
}
