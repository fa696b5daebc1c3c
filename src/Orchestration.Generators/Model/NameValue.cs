namespace Orchestration.Generators.Model;

/// <summary>A name and a value: an environment variable, a secret reference, a label or a node selector.</summary>
internal sealed record NameValue(string Name, string Value);
