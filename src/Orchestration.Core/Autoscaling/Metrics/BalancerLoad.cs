using Orchestration.Services;

namespace Orchestration.Autoscaling;

/// <summary>Reads the load the service addresses of one workload carry: open connections and new connections per
/// second per replica (from the balancers' counters, differenced between two reads), and when a connection was last
/// seen, for scale to zero.</summary>
internal sealed class BalancerLoad
{
    private readonly ServiceAddressRegistry _registry;
    private readonly string _workload;
    private Dictionary<string, long> _lastOpened = new(StringComparer.Ordinal);
    private DateTimeOffset? _lastRead;

    public BalancerLoad(ServiceAddressRegistry registry, string workload, DateTimeOffset start)
    {
        _registry = registry;
        _workload = workload;
        LastActivity = start;
    }

    /// <summary>When a connection was last opened or open.</summary>
    public DateTimeOffset LastActivity { get; private set; }

    /// <summary>Per replica: open connections and new connections per second since the previous read.</summary>
    public Dictionary<string, (int Open, double PerSecond)> Read(DateTimeOffset now)
    {
        var opened = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var balancer in _registry.BalancersOf(_workload))
        {
            foreach (var backend in balancer.Backends)
            {
                opened[backend.ReplicaId] = opened.GetValueOrDefault(backend.ReplicaId) + backend.Opened;
                open[backend.ReplicaId] = open.GetValueOrDefault(backend.ReplicaId) + backend.Active;
            }
        }

        var seconds = _lastRead is { } last ? Math.Max(0.001, (now - last).TotalSeconds) : 0;
        var result = new Dictionary<string, (int, double)>(StringComparer.Ordinal);
        var active = false;
        foreach (var (replica, total) in opened)
        {
            var before = _lastOpened.GetValueOrDefault(replica);
            var added = Math.Max(0, total - before);
            active |= added > 0 || open[replica] > 0;
            result[replica] = (open[replica], seconds > 0 ? added / seconds : 0);
        }

        if (active)
        {
            LastActivity = now;
        }

        _lastOpened = opened;
        _lastRead = now;
        return result;
    }

    /// <summary>Counts a connection waiting for a replica as activity.</summary>
    public void Touch(DateTimeOffset now) => LastActivity = now;
}
