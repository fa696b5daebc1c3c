using System.Text;

namespace Orchestration.Generators.Emitting;

/// <summary>Writes C# text line by line at the current indentation of four spaces per level.</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;

    public IndentedWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _depth * 4);
        }

        _text.Append(line).Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/> (when given) and an opening brace, and indents.</summary>
    public IndentedWriter Open(string? header = null, string brace = "{")
    {
        if (header is not null)
        {
            Line(header);
        }

        Line(brace);
        _depth++;
        return this;
    }

    /// <summary>Outdents and writes a closing brace.</summary>
    public IndentedWriter Close(string brace = "}")
    {
        _depth--;
        return Line(brace);
    }

    public override string ToString() => _text.ToString();
}
