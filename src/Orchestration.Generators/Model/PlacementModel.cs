namespace Orchestration.Generators.Model;

/// <summary>Node selection, tolerations, anti-affinity and strategy.</summary>
internal sealed record PlacementModel(
    EquatableArray<NameValue> NodeSelector,
    EquatableArray<TolerationModel> Tolerations,
    EquatableArray<string> RequiredAntiAffinity,
    EquatableArray<string> PreferredAntiAffinity,
    string? Strategy,
    int? MaxSkew)
{
    public static PlacementModel Empty { get; } = new(
        EquatableArray<NameValue>.Empty,
        EquatableArray<TolerationModel>.Empty,
        EquatableArray<string>.Empty,
        EquatableArray<string>.Empty,
        null,
        null);

    public bool IsEmpty => this == Empty;
}
