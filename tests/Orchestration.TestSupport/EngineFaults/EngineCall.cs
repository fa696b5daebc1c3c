using System.Text.RegularExpressions;

namespace Orchestration.TestSupport.EngineFaults;

/// <summary>One request the engine proxy saw: its method and path, without the API version prefix and the query.</summary>
public sealed partial record EngineCall(string Method, string Path, DateTimeOffset Time)
{
    /// <summary>A list of containers (<c>GET /containers/json</c>).</summary>
    public bool IsContainerList => Method == "GET" && Path == "/containers/json";

    /// <summary>An inspect of one container (<c>GET /containers/{id}/json</c>).</summary>
    public bool IsContainerInspect => Method == "GET" && ContainerInspect().IsMatch(Path);

    /// <summary>A ping (<c>/_ping</c>).</summary>
    public bool IsPing => Path == "/_ping";

    /// <summary>The event stream (<c>GET /events</c>).</summary>
    public bool IsEventStream => Method == "GET" && Path == "/events";

    /// <summary>"METHOD /path", for messages.</summary>
    public override string ToString() => $"{Method} {Path}";

    /// <summary>Parses a request line such as <c>GET /v1.41/containers/json?all=1 HTTP/1.1</c>.</summary>
    internal static EngineCall Parse(string requestLine, DateTimeOffset time)
    {
        var parts = requestLine.Split(' ');
        var target = parts.Length > 1 ? parts[1] : "/";
        var query = target.IndexOf('?', StringComparison.Ordinal);
        var path = query >= 0 ? target[..query] : target;
        return new EngineCall(parts[0], VersionPrefix().Replace(path, ""), time);
    }

    [GeneratedRegex(@"^/v\d+\.\d+(?=/)")]
    private static partial Regex VersionPrefix();

    [GeneratedRegex(@"^/containers/[^/]+/json$")]
    private static partial Regex ContainerInspect();
}
