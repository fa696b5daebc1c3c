using System.Net.Sockets;
using Orchestration.Runtime;

namespace Orchestration.Services;

/// <summary>One replica behind a balancer: its address, its open connections, and whether it left the endpoints.</summary>
internal sealed class Backend
{
    private readonly object _gate = new();
    private readonly HashSet<Socket> _connections = [];
    private int _active;
    private long _opened;

    public Backend(string replicaId, HostEndpoint address)
    {
        ReplicaId = replicaId;
        Address = address;
    }

    public string ReplicaId { get; }

    public HostEndpoint Address { get; }

    /// <summary>Open connections to this replica.</summary>
    public int Active => Volatile.Read(ref _active);

    /// <summary>Connections ever handed to this replica, for request-rate metrics.</summary>
    public long Opened => Interlocked.Read(ref _opened);

    /// <summary>Set once the replica left the endpoints: it takes no new connection.</summary>
    public bool Retired { get; private set; }

    /// <summary>Counts an open connection; false once retired (the caller picks another replica).</summary>
    public bool TryOpen(Socket upstream)
    {
        lock (_gate)
        {
            if (Retired)
            {
                return false;
            }

            _connections.Add(upstream);
            _active++;
            _opened++;
            return true;
        }
    }

    public void Close(Socket upstream)
    {
        lock (_gate)
        {
            if (_connections.Remove(upstream))
            {
                _active--;
            }
        }
    }

    public void Retire()
    {
        lock (_gate)
        {
            Retired = true;
        }
    }

    /// <summary>Cuts the connections still open once the drain delay passed.</summary>
    public void AbortAll()
    {
        List<Socket> open;
        lock (_gate)
        {
            open = [.. _connections];
        }

        foreach (var socket in open)
        {
            try
            {
                socket.Close(0);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{ReplicaId} ({Address})";
}
