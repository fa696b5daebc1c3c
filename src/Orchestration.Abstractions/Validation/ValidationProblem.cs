namespace Orchestration;

/// <summary>One thing wrong with a spec: where, what value, and which rule it breaks.</summary>
/// <param name="Path">Field path, such as <c>workloads["api"].ports["http"].containerPort</c>.</param>
/// <param name="Value">The offending value as text, or <see langword="null"/> when there is none to show. Printed by
/// <see cref="ToString"/> with control characters escaped and long values cut.</param>
/// <param name="Rule">What the value must be.</param>
public sealed record ValidationProblem(string Path, string? Value, string Rule)
{
    /// <inheritdoc />
    public override string ToString()
        => Value is null ? $"{EscapedText.ForProblem(Path)}: {Rule}" : $"{EscapedText.ForProblem(Path)}: '{EscapedText.ForProblem(Value)}' {Rule}";
}
