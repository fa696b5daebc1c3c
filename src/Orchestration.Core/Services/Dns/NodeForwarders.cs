using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.State;

namespace Orchestration.Services;

/// <summary>Reaching replicas on other nodes by name: for a node whose containers this process answers DNS for, a
/// workload with ready replicas elsewhere gets a forwarder on that node's fleet-network gateway, on the workload's own
/// container ports, and the workload's name also resolves to that gateway. The forwarder is a balancer over the ready
/// replicas on the other nodes, reached at their published ports. Created on the first lookup; stops with the host.</summary>
internal sealed partial class NodeForwarders : IHostedService, IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<string, IPAddress> _gateways = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Node, string Workload), Lazy<IReadOnlyList<ServiceBalancer>>> _forwarders = new();
    private readonly ServiceEndpointTable _table;
    private readonly DesiredStateStore _desired;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private volatile bool _stopped;

    public NodeForwarders(ServiceEndpointTable table, DesiredStateStore desired, TimeProvider time, ILoggerFactory? loggers = null)
    {
        _table = table;
        _desired = desired;
        _time = time;
        _logger = (loggers ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger("Orchestration.Services");
    }

    public void SetGateway(string node, IPAddress gateway) => _gateways[node] = gateway;

    /// <summary>The address on <paramref name="node"/> that forwards to <paramref name="workload"/>'s replicas on other
    /// nodes, or <see langword="null"/> when none can listen there.</summary>
    public IPAddress? AddressFor(string node, WorkloadSpec workload)
    {
        if (_stopped || !_gateways.TryGetValue(node, out var gateway))
        {
            return null;
        }

        var forwarders = _forwarders.GetOrAdd((node, workload.Name), key => new Lazy<IReadOnlyList<ServiceBalancer>>(() => Create(key.Node, gateway, workload))).Value;
        return forwarders.Count > 0 ? gateway : null;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    /// <summary>Disposes synchronously, for containers disposed with <c>Dispose</c>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        _stopped = true;
        foreach (var forwarder in _forwarders.Values.Where(l => l.IsValueCreated).SelectMany(l => l.Value).ToList())
        {
            await forwarder.DisposeAsync().ConfigureAwait(false);
        }

        _forwarders.Clear();
    }

    private IReadOnlyList<ServiceBalancer> Create(string node, IPAddress gateway, WorkloadSpec workload)
    {
        var created = new List<ServiceBalancer>();
        foreach (var port in workload.Ports.Where(p => p.Protocol == PortProtocol.Tcp))
        {
            var options = new ServiceAddressOptions { ListenAddress = gateway.ToString(), HostPort = port.ContainerPort, Strategy = BalancingStrategy.LeastConnections };
            try
            {
                var forwarder = new ServiceBalancer(workload.Name, port.Name, options, _table, _desired, [], _time, _logger, e => NodeOf(workload.Name, e.ReplicaId) is { } n && n != node);
                forwarder.Start();
                created.Add(forwarder);
                LogForwarding(_logger, workload.Name, port.Name, node, forwarder.Address.Address.ToString());
            }
            catch (InvalidOperationException e)
            {
                LogCannotForward(_logger, workload.Name, port.Name, node, e.Message);
            }
        }

        return created;
    }

    private string? NodeOf(string workload, string replicaId)
        => _table.ReadyOf(workload).FirstOrDefault(r => r.Status.Id == replicaId)?.Status.Node;

    [LoggerMessage(Level = LogLevel.Information, Message = "Replicas of {Workload}/{Port} on other nodes are reached from node {Node} through {Address}")]
    private static partial void LogForwarding(ILogger logger, string workload, string port, string node, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replicas of {Workload}/{Port} on other nodes cannot be reached by name from node {Node}: {Reason}")]
    private static partial void LogCannotForward(ILogger logger, string workload, string port, string node, string reason);
}
