namespace Orchestration.Reconciliation;

/// <summary>Lets parts outside the reconcile (probers, rollout commands, dependencies becoming ready) ask the control
/// loop to reconcile a workload. Only wakes: the reconcile reads full state itself.</summary>
internal sealed class WakeRequests
{
    /// <summary>Raised with the workload to reconcile; the running control loop queues it.</summary>
    public event Action<string>? Requested;

    public void Wake(string workload) => Requested?.Invoke(workload);
}
