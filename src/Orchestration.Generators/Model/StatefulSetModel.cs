namespace Orchestration.Generators.Model;

/// <summary>The settings of a stateful set. Enum values are C# expressions; a value not declared is unset and keeps
/// the default of <c>StatefulSetSpec</c>.</summary>
internal sealed record StatefulSetModel(
    string? PodManagement,
    int? Partition,
    string? WhenScaled,
    string? WhenDeleted,
    EquatableArray<VolumeTemplateModel> VolumeTemplates);
