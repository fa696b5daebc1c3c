using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Orchestration.Events;

namespace Orchestration.AspNetCore.Streaming;

/// <summary>How the dashboard and its API write JSON: web casing, enums as names.</summary>
internal static class DashboardJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>An event as JSON: its own properties, plus <c>type</c> (the record's name), <c>message</c> and
    /// <c>isWarning</c>.</summary>
    public static JsonNode Event(OrchestrationEvent e)
    {
        JsonObject node;
        try
        {
            node = JsonSerializer.SerializeToNode(e, e.GetType(), Options) as JsonObject ?? [];
        }
        catch (NotSupportedException)
        {
            // An event type with a field JSON cannot show still reaches the page, with its message.
            node = new JsonObject { ["time"] = e.Time, ["fleet"] = e.Fleet, ["workload"] = e.Workload, ["message"] = e.Message, ["isWarning"] = e.IsWarning };
        }

        node["type"] = e.GetType().Name;
        return node;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
