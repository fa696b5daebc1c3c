using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.State;

namespace Orchestration.Services;

/// <summary>The service addresses of the fleet: the declared ones start with the host, others on first request; all
/// stop with the host.</summary>
internal sealed class ServiceAddressRegistry : IServiceAddresses, IHostedService, IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<(string Workload, string Port), Lazy<ServiceBalancer>> _balancers = new();
    private readonly IReadOnlyList<ServiceAddressRegistration> _declared;
    private readonly ServiceEndpointTable _table;
    private readonly DesiredStateStore _desired;
    private readonly IReadOnlyList<IServiceWakeHandler> _wakers;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private bool _stopped;

    public ServiceAddressRegistry(
        IEnumerable<ServiceAddressRegistration> declared,
        ServiceEndpointTable table,
        DesiredStateStore desired,
        IEnumerable<IServiceWakeHandler> wakers,
        TimeProvider time,
        ILoggerFactory? loggers = null)
    {
        _declared = [.. declared];
        _table = table;
        _desired = desired;
        _wakers = [.. wakers];
        _time = time;
        _logger = (loggers ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger("Orchestration.Services");
    }

    public ServiceAddress GetServiceAddress(string workload, string port) => Get(workload, port, null).Address;

    public IReadOnlyList<ServiceAddress> GetAll()
        => [.. _balancers.Values.Where(l => l.IsValueCreated).Select(l => l.Value.Address).OrderBy(a => a.Workload, StringComparer.Ordinal).ThenBy(a => a.Port, StringComparer.Ordinal)];

    /// <summary>The running balancers of a workload's ports, for autoscaling metrics.</summary>
    internal IReadOnlyList<ServiceBalancer> BalancersOf(string workload)
        => [.. _balancers.Where(p => p.Key.Workload == workload && p.Value.IsValueCreated).Select(p => p.Value.Value)];

    /// <summary>The balancer of a port, for tests.</summary>
    internal ServiceBalancer Balancer(string workload, string port) => Get(workload, port, null);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var problems = _declared.SelectMany(d => d.Options.Problems(d.Workload, d.Port).Concat(Missing(d.Workload, d.Port))).ToList();
        problems.AddRange(_declared.GroupBy(d => (d.Workload, d.Port)).Where(g => g.Count() > 1)
            .Select(g => $"serviceAddresses[\"{g.Key.Workload}/{g.Key.Port}\"]: declared {g.Count()} times"));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid service addresses: " + string.Join("; ", problems));
        }

        foreach (var declared in _declared)
        {
            Get(declared.Workload, declared.Port, declared.Options);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    /// <summary>Disposes synchronously, for containers disposed with <c>Dispose</c>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        _stopped = true;
        foreach (var balancer in _balancers.Values.Where(l => l.IsValueCreated).Select(l => l.Value).ToList())
        {
            await balancer.DisposeAsync().ConfigureAwait(false);
        }

        _balancers.Clear();
    }

    private ServiceBalancer Get(string workload, string port, ServiceAddressOptions? options)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(port);
        ObjectDisposedException.ThrowIf(_stopped, this);
        if (Missing(workload, port).FirstOrDefault() is { } problem)
        {
            throw new ArgumentException(problem, workload == "" || _desired.Current?.Find(workload) is null ? nameof(workload) : nameof(port));
        }

        options ??= _declared.FirstOrDefault(d => d.Workload == workload && d.Port == port)?.Options ?? new ServiceAddressOptions();
        var lazy = _balancers.GetOrAdd((workload, port), key => new Lazy<ServiceBalancer>(
            () =>
            {
                var balancer = new ServiceBalancer(key.Workload, key.Port, options, _table, _desired, _wakers, _time, _logger);
                balancer.Start();
                return balancer;
            },
            LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            _balancers.TryRemove(new KeyValuePair<(string, string), Lazy<ServiceBalancer>>((workload, port), lazy));
            throw;
        }
    }

    private IEnumerable<string> Missing(string workload, string port)
    {
        var spec = _desired.Current?.Find(workload);
        if (spec is null)
        {
            yield return $"workload '{workload}' is not part of the fleet";
        }
        else if (!spec.Ports.Any(p => p.Name == port))
        {
            yield return $"workload '{workload}' has no port named '{port}' (its ports: {string.Join(", ", spec.Ports.Select(p => p.Name))})";
        }
        else if (spec.Ports.First(p => p.Name == port).Protocol != PortProtocol.Tcp)
        {
            yield return $"port '{port}' of workload '{workload}' is not TCP; service addresses balance TCP only";
        }
    }

    /// <summary>The addresses for the fleet status.</summary>
    internal ImmutableArray<ServiceAddress> Snapshot() => [.. GetAll()];
}
