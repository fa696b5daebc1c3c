using System.Collections.Concurrent;
using Orchestration.Services;

namespace Orchestration.Autoscaling;

/// <summary>Tells the autoscaler of a workload that a connection waits at its service address. Kept apart from
/// <see cref="AutoscalerService"/> because the service addresses call it and the autoscalers use the addresses.</summary>
internal sealed class AutoscalerWakeRouter : IServiceWakeHandler
{
    private readonly ConcurrentDictionary<string, ServiceAutoscaler> _autoscalers = new(StringComparer.Ordinal);

    public void Register(string workload, ServiceAutoscaler autoscaler) => _autoscalers[workload] = autoscaler;

    public void Unregister(string workload, ServiceAutoscaler autoscaler)
        => _autoscalers.TryRemove(new KeyValuePair<string, ServiceAutoscaler>(workload, autoscaler));

    public ValueTask OnConnectionHeldAsync(ServiceAddress address, CancellationToken cancellationToken)
    {
        if (_autoscalers.TryGetValue(address.Workload, out var autoscaler))
        {
            autoscaler.ConnectionHeld();
        }

        return ValueTask.CompletedTask;
    }
}
