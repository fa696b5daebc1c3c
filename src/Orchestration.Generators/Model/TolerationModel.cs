namespace Orchestration.Generators.Model;

/// <summary>A toleration; <see cref="Effect"/> is the C# expression of the enum value, or unset.</summary>
internal sealed record TolerationModel(string Key, string? Value, string? Effect);
