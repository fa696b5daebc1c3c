namespace Orchestration.Reconciliation;

/// <summary>Lets parts outside a reconcile (probers, rollout commands, dependencies becoming ready, the node lifecycle
/// controller) ask the control loop to reconcile a key. Only wakes: the reconcile reads full state itself.</summary>
internal sealed class WakeRequests
{
    /// <summary>Raised with the key to reconcile; the running control loop queues it.</summary>
    public event Action<string>? Requested;

    /// <summary>Raised to reconcile every workload (not the nodes).</summary>
    public event Action? WorkloadsRequested;

    public void Wake(string key) => Requested?.Invoke(key);

    public void WakeWorkloads() => WorkloadsRequested?.Invoke();
}
