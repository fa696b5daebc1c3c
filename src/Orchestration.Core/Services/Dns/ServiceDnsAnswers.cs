using System.Net;
using Orchestration.State;

namespace Orchestration.Services;

/// <summary>What the fleet's DNS answers on one node: a workload's name resolves to its ready replicas only, as a
/// Kubernetes Service does. Replicas on the asking node are reached at their fleet-network address; replicas on other
/// nodes through this node's forwarder (see <see cref="NodeForwarders"/>). Other names are refused, so that the
/// container's resolver asks its next server.</summary>
internal sealed class ServiceDnsAnswers
{
    private readonly DesiredStateStore _desired;
    private readonly ServiceEndpointTable _table;
    private readonly NodeForwarders _forwarders;
    private int _rotation;

    public ServiceDnsAnswers(DesiredStateStore desired, ServiceEndpointTable table, NodeForwarders forwarders)
    {
        _desired = desired;
        _table = table;
        _forwarders = forwarders;
    }

    public bool Knows(string workload) => _desired.Current?.Find(workload) is not null;

    /// <summary>The addresses for <paramref name="name"/> asked on <paramref name="node"/>; <see langword="null"/> when
    /// the name is not a workload of the fleet.</summary>
    public IReadOnlyList<IPAddress>? Resolve(string node, string name)
    {
        if (_desired.Current?.Find(name) is not { } spec)
        {
            return null;
        }

        var ready = _table.ReadyOf(spec.Name);
        var addresses = new List<IPAddress>(ready.Length);
        var remote = false;
        foreach (var replica in ready)
        {
            if (replica.Status.Node == node)
            {
                if (replica.NetworkAddress is { } text && IPAddress.TryParse(text, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                {
                    addresses.Add(address);
                }
            }
            else
            {
                remote = true;
            }
        }

        if (remote && _forwarders.AddressFor(node, spec) is { } forwarder)
        {
            addresses.Add(forwarder);
        }

        if (addresses.Count > 1)
        {
            var shift = (int)((uint)Interlocked.Increment(ref _rotation) % (uint)addresses.Count);
            addresses = [.. addresses.Skip(shift), .. addresses.Take(shift)];
        }

        return addresses;
    }
}
