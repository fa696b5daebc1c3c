namespace Orchestration;

/// <summary>Transport protocol of a port.</summary>
public enum PortProtocol
{
    /// <summary>TCP, the default.</summary>
    Tcp,

    /// <summary>UDP.</summary>
    Udp,
}

/// <summary>A named port a workload's containers listen on. A value: equal to another with the same properties.</summary>
/// <param name="name">Name used by probes, endpoints and dependants (IANA service-name rules: 1-15 lowercase letters, digits and '-').</param>
/// <param name="containerPort">Port inside the container, 1-65535.</param>
/// <param name="protocol">Transport protocol.</param>
/// <param name="hostPort">Fixed port on the node; <see langword="null"/> publishes on an ephemeral port chosen by the node.</param>
/// <param name="hostIp">Address the published port binds to on the node; <see langword="null"/> lets the runtime choose (loopback for Docker).</param>
public sealed class PortSpec(
    string name,
    int containerPort,
    PortProtocol protocol = PortProtocol.Tcp,
    int? hostPort = null,
    string? hostIp = null) : Snapshot
{
    /// <summary>Name used by probes, endpoints and dependants.</summary>
    public string Name { get; private init; } = name;

    /// <summary>Port inside the container, 1-65535.</summary>
    public int ContainerPort { get; private init; } = containerPort;

    /// <summary>Transport protocol.</summary>
    public PortProtocol Protocol { get; private init; } = protocol;

    /// <summary>Fixed port on the node; <see langword="null"/> publishes on an ephemeral port chosen by the node.</summary>
    public int? HostPort { get; private init; } = hostPort;

    /// <summary>Address the published port binds to on the node; <see langword="null"/> lets the runtime choose.</summary>
    public string? HostIp { get; private init; } = hostIp;
}
