namespace Orchestration;

/// <summary>A probe that opens a TCP connection to a declared port.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class TcpProbeAttribute : ProbeAttribute
{
    /// <summary>Connects to port <paramref name="port"/> as the <paramref name="target"/> probe.</summary>
    public TcpProbeAttribute(ProbeTarget target, string port)
        : base(target)
    {
        Port = port;
    }

    /// <summary>Name of the declared port to connect to.</summary>
    public string Port { get; }
}
