using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Orchestration.Services;

/// <summary>The IPv4 networks this machine's interfaces are attached to, read when asked. A replica whose fleet-network
/// address lies on one of them, on a node whose published ports are on this machine, runs on a bridge of this
/// machine and is reached at that address directly, without the engine's port proxy in between.</summary>
internal static class AttachedNetworks
{
    /// <summary>The interface networks (address and prefix) of this machine, loopback included.</summary>
    public static IReadOnlyList<(IPAddress Address, int Prefix)> Read()
    {
        try
        {
            return [.. NetworkInterface.GetAllNetworkInterfaces()
                .Where(i => i.OperationalStatus is OperationalStatus.Up or OperationalStatus.Unknown)
                .SelectMany(i => i.GetIPProperties().UnicastAddresses)
                .Where(a => a.Address.AddressFamily == AddressFamily.InterNetwork)
                .Select(a => (a.Address, a.PrefixLength))];
        }
        catch (Exception e) when (e is NetworkInformationException or ArgumentException)
        {
            // ArgumentException: the runtime read an interface's address while the interface was being changed (the
            // engine creating or removing a bridge). Without the list, replicas are reached at their published ports.
            return [];
        }
    }

    /// <summary>Whether <paramref name="host"/> names this machine: loopback, or an address of one of its interfaces.</summary>
    public static bool IsThisMachine(string host, IReadOnlyList<(IPAddress Address, int Prefix)> networks)
        => host == "localhost"
            || (IPAddress.TryParse(host, out var ip) && (IPAddress.IsLoopback(ip) || networks.Any(n => n.Address.Equals(ip))));

    /// <summary>Whether <paramref name="address"/> lies on a network of one of this machine's interfaces (not loopback,
    /// and not one of the interfaces' own addresses).</summary>
    public static bool IsOnAttachedNetwork(IPAddress address, IReadOnlyList<(IPAddress Address, int Prefix)> networks)
        => address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(address)
            && networks.Any(n => !IPAddress.IsLoopback(n.Address) && !n.Address.Equals(address) && new IPNetwork(n.Address, n.Prefix).Contains(address));
}
