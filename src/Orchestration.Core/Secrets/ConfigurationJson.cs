using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Orchestration.Secrets;

/// <summary>Renders a configuration section as JSON: a section with children is an object of its children (in key
/// order), a value is a string, as the configuration holds every value as text.</summary>
internal static class ConfigurationJson
{
    public static byte[] Render(IConfigurationSection section)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(writer, section);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, IConfigurationSection section)
    {
        var children = section.GetChildren().OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        if (children.Count == 0)
        {
            writer.WriteStringValue(section.Value);
            return;
        }

        writer.WriteStartObject();
        foreach (var child in children)
        {
            writer.WritePropertyName(child.Key);
            Write(writer, child);
        }

        writer.WriteEndObject();
    }
}
