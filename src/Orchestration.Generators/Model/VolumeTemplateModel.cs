namespace Orchestration.Generators.Model;

/// <summary>A per-replica volume of a stateful set.</summary>
internal sealed record VolumeTemplateModel(string Name, string Target, bool ReadOnly);
