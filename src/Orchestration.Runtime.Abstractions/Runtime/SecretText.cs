using System.Globalization;
using System.Text;

namespace Orchestration.Runtime;

/// <summary>The forms a secret value takes in an engine's messages.</summary>
internal static class SecretText
{
    /// <summary>The value as Go's <c>%q</c> writes it, without the surrounding quotes.</summary>
    public static string GoQuoted(string value)
    {
        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                '\a' => text.Append("\\a"),
                '\b' => text.Append("\\b"),
                '\f' => text.Append("\\f"),
                '\v' => text.Append("\\v"),
                < ' ' or '\u007f' => text.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => text.Append(c),
            };
        }

        return text.ToString();
    }
}
