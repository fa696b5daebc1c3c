using System.Globalization;

namespace Orchestration.Runtime.Docker.Client;

/// <summary>What an engine endpoint and a pinned Engine API version must look like: the rules of the Docker runtime's
/// and the Swarm runtime's options (the Swarm package compiles this file too).</summary>
internal static class EngineAddressRules
{
    /// <summary>Whether <paramref name="text"/> is an endpoint the client can use.</summary>
    public static bool IsValidEndpoint(string text)
        => Uri.TryCreate(text, UriKind.Absolute, out var uri)
           && uri.Scheme is "unix" or "tcp" or "http" or "https" or "npipe";

    /// <summary>Reads an API version such as <c>1.41</c>.</summary>
    public static bool TryParseApiVersion(string? text, out Version version)
    {
        version = new Version(0, 0);
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split('.');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        version = new Version(major, minor);
        return true;
    }
}
