using System.Collections.Concurrent;
using System.Net;
using Docker.DotNet.Models;
using Orchestration.Runtime.Docker.Client;
using Orchestration.Services;

namespace Orchestration.Runtime.Docker.Networks;

/// <summary>Which DNS servers a node's containers get. On an engine of this machine whose fleet-network gateway the
/// orchestrator can answer on (<see cref="IFleetDns"/>), the gateway comes first and the machine's own name servers
/// follow (names that are not workloads are refused by the gateway and asked there); containers are then created
/// without the workload name as an alias, so only ready replicas resolve. Elsewhere, <see langword="null"/>: the
/// engine's own DNS answers the workload alias.</summary>
internal sealed class FleetDnsSettings(FleetNetworks networks, IFleetDns? dns)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>?> _servers = new(StringComparer.Ordinal);

    /// <summary>The DNS servers of a container of <paramref name="workload"/>; <see langword="null"/> keeps the engine's
    /// DNS and the workload alias (also for containers started outside the desired state, as runtime tests do).</summary>
    public async ValueTask<IReadOnlyList<string>?> ServersAsync(DockerNode node, string fleet, string workload, CancellationToken cancellationToken)
    {
        if (dns is null || !dns.Answers(workload) || !IsOnThisMachine(node.Endpoint.Uri))
        {
            return null;
        }

        var key = $"{node.Name}/{fleet}";
        if (_servers.TryGetValue(key, out var known))
        {
            return known;
        }

        var gateway = await GatewayAsync(node, networks.NameOf(fleet), cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string>? servers = gateway is not null && dns.TryServe(node.Name, gateway)
            ? [gateway.ToString(), .. HostNameServers()]
            : null;
        _servers[key] = servers;
        return servers;
    }

    /// <summary>Forgets what was decided for the fleet on <paramref name="node"/> (its network was recreated).</summary>
    public void Forget(string node, string fleet) => _servers.TryRemove($"{node}/{fleet}", out _);

    private static async Task<IPAddress?> GatewayAsync(DockerNode node, string networkName, CancellationToken cancellationToken)
    {
        NetworkResponse network;
        try
        {
            network = await node.CallAsync((c, ct) => c.Networks.InspectNetworkAsync(networkName, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (EngineErrors.IsNotFound(e))
        {
            return null;
        }

        var gateway = network.IPAM?.Config?.Select(c => c.Gateway).FirstOrDefault(g => !string.IsNullOrEmpty(g));
        return IPAddress.TryParse(gateway, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? address : null;
    }

    private static bool IsOnThisMachine(Uri endpoint)
        => endpoint.Scheme is "unix" or "npipe"
           || endpoint.IsLoopback
           || (IPAddress.TryParse(endpoint.Host, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>The machine's name servers that a container can reach (not loopback ones, as Docker does).</summary>
    private static IEnumerable<string> HostNameServers()
    {
        const string resolvConf = "/etc/resolv.conf";
        if (!File.Exists(resolvConf))
        {
            return [];
        }

        return File.ReadLines(resolvConf)
            .Select(l => l.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length >= 2 && p[0] == "nameserver" && IPAddress.TryParse(p[1], out var a) && !IPAddress.IsLoopback(a))
            .Select(p => p[1])
            .Take(2)
            .ToList();
    }
}
