namespace Orchestration;

/// <summary>Declares a named port the workload's containers listen on. The generator adds a constant for its name to
/// the class's nested <c>Ports</c> class.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PortAttribute : Attribute
{
    /// <summary>Declares port <paramref name="name"/> on container port <paramref name="containerPort"/>.</summary>
    /// <param name="name">Port name: 1-15 lowercase letters, digits and '-'.</param>
    /// <param name="containerPort">Port inside the container, 1-65535.</param>
    public PortAttribute(string name, int containerPort)
    {
        Name = name;
        ContainerPort = containerPort;
    }

    /// <summary>Port name, used by probes and dependants.</summary>
    public string Name { get; }

    /// <summary>Port inside the container.</summary>
    public int ContainerPort { get; }

    /// <summary>Transport protocol.</summary>
    /// <value>The default value is <see cref="PortProtocol.Tcp"/>.</value>
    public PortProtocol Protocol { get; set; } = PortProtocol.Tcp;

    /// <summary>Fixed port on the node; when not set the node publishes on an ephemeral port.</summary>
    public int HostPort { get; set; }
}
