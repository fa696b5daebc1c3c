namespace Orchestration;

/// <summary>A probe that sends HTTP GET to a path on a declared port; a 2xx or 3xx status is success.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class HttpProbeAttribute : ProbeAttribute
{
    /// <summary>Checks <paramref name="path"/> as the <paramref name="target"/> probe.</summary>
    public HttpProbeAttribute(ProbeTarget target, string path)
        : base(target)
    {
        Path = path;
    }

    /// <summary>Request path, starting with '/'.</summary>
    public string Path { get; }

    /// <summary>Name of the declared port to check.</summary>
    /// <value>The default value is "http".</value>
    public string Port { get; set; } = "http";
}
