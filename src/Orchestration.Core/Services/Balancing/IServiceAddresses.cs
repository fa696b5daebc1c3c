namespace Orchestration.Services;

/// <summary>Stable addresses on this machine for workload ports, each an in-process TCP balancer over the ready
/// replicas: clients of any protocol (redis, postgres, HTTP) connect to one address whatever replicas come and go.</summary>
public interface IServiceAddresses
{
    /// <summary>The stable address of <paramref name="port"/> of <paramref name="workload"/>. A port declared with
    /// <c>AddServiceAddress</c> listens from the host's start; any other starts listening now, on an assigned port, and
    /// keeps it until the host stops.</summary>
    /// <exception cref="ArgumentException">The workload or the port is not part of the fleet.</exception>
    ServiceAddress GetServiceAddress(string workload, string port);

    /// <summary>Every service address listening now.</summary>
    IReadOnlyList<ServiceAddress> GetAll();
}
