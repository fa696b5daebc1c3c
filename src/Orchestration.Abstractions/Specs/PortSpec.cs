namespace Orchestration;

/// <summary>Transport protocol of a port.</summary>
public enum PortProtocol
{
    /// <summary>TCP, the default.</summary>
    Tcp,

    /// <summary>UDP.</summary>
    Udp,
}

/// <summary>A named port a workload's containers listen on.</summary>
/// <param name="Name">Name used by probes, endpoints and dependants (IANA service-name rules: 1-15 lowercase letters, digits and '-').</param>
/// <param name="ContainerPort">Port inside the container, 1-65535.</param>
/// <param name="Protocol">Transport protocol.</param>
/// <param name="HostPort">Fixed port on the node; <see langword="null"/> publishes on an ephemeral port chosen by the node.</param>
/// <param name="HostIp">Address the published port binds to on the node; <see langword="null"/> lets the runtime choose (loopback for Docker).</param>
public sealed record PortSpec(
    string Name,
    int ContainerPort,
    PortProtocol Protocol = PortProtocol.Tcp,
    int? HostPort = null,
    string? HostIp = null);
