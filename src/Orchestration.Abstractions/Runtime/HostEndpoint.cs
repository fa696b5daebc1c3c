namespace Orchestration.Runtime;

/// <summary>A host and port reachable from the orchestrator's machine.</summary>
public readonly record struct HostEndpoint
{
    /// <summary>The endpoint <paramref name="host"/>:<paramref name="port"/>.</summary>
    /// <param name="host">Host name or IP address.</param>
    /// <param name="port">Port number.</param>
    public HostEndpoint(string host, int port)
    {
        Host = host;
        Port = port;
    }

    /// <summary>Host name or IP address.</summary>
    public string Host { get; }

    /// <summary>Port number.</summary>
    public int Port { get; }

    /// <inheritdoc />
    public override string ToString() => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
