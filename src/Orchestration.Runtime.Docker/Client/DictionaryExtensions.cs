namespace Orchestration.Runtime.Docker.Client;

/// <summary>Lookups on Docker's label and attribute maps, which may be absent.</summary>
internal static class DictionaryExtensions
{
    public static string? Find(this IDictionary<string, string>? map, string key)
        => map is not null && map.TryGetValue(key, out var value) ? value : null;
}
