namespace Orchestration.Runtime;

/// <summary>A host and port reachable from the orchestrator's machine.</summary>
/// <param name="Host">Host name or IP address.</param>
/// <param name="Port">Port number.</param>
public readonly record struct HostEndpoint(string Host, int Port)
{
    /// <inheritdoc />
    public override string ToString() => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
