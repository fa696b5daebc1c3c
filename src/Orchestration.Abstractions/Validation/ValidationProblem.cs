namespace Orchestration;

/// <summary>One thing wrong with a spec: where, what value, and which rule it breaks. A value: equal to another with
/// the same path, value and rule.</summary>
/// <param name="path">Field path, such as <c>workloads["api"].ports["http"].containerPort</c>.</param>
/// <param name="value">The offending value as text, or <see langword="null"/> when there is none to show. Printed by
/// <see cref="ToString"/> with control characters escaped and long values cut.</param>
/// <param name="rule">What the value must be.</param>
public sealed class ValidationProblem(string path, string? value, string rule) : Snapshot
{
    /// <summary>Field path, such as <c>workloads["api"].ports["http"].containerPort</c>.</summary>
    public string Path { get; private init; } = path;

    /// <summary>The offending value as text, or <see langword="null"/> when there is none to show.</summary>
    public string? Value { get; private init; } = value;

    /// <summary>What the value must be.</summary>
    public string Rule { get; private init; } = rule;

    /// <inheritdoc />
    public override string ToString()
        => Value is null ? $"{EscapedText.ForProblem(Path)}: {Rule}" : $"{EscapedText.ForProblem(Path)}: '{EscapedText.ForProblem(Value)}' {Rule}";
}
