namespace Orchestration.Runtime.Docker.Client;

/// <summary>Docker's filter maps (<c>{"label": {"key=value": true}}</c>).</summary>
internal static class Filters
{
    public static IDictionary<string, IDictionary<string, bool>> Of(string name, params string[] values)
        => new Dictionary<string, IDictionary<string, bool>>(StringComparer.Ordinal)
        {
            [name] = values.ToDictionary(v => v, _ => true, StringComparer.Ordinal),
        };

    public static IDictionary<string, IDictionary<string, bool>> Label(string key, string value) => Of("label", $"{key}={value}");
}
