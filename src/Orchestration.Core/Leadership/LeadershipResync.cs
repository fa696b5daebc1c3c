using Microsoft.Extensions.Primitives;
using Orchestration.Observed;
using Orchestration.Reconciliation;

namespace Orchestration.Leadership;

/// <summary>Wakes every workload and node while the control loop runs whenever this instance starts or stops leading:
/// a new leader reconciles at once, and a former one serves the status from its watch, as every follower does, rather
/// than from its last reconciles.</summary>
internal sealed class LeadershipResync : IDisposable
{
    private readonly ILeadership _leadership;
    private readonly WakeRequests _wake;
    private readonly ObservedState _observed;
    private IDisposable? _subscription;

    public LeadershipResync(ILeadership leadership, WakeRequests wake, ObservedState observed)
    {
        _leadership = leadership;
        _wake = wake;
        _observed = observed;
    }

    public void Start() => _subscription ??= ChangeToken.OnChange(_leadership.GetChangeToken, WakeEverything);

    public void Stop()
    {
        _subscription?.Dispose();
        _subscription = null;
    }

    public void Dispose() => Stop();

    private void WakeEverything()
    {
        _wake.WakeWorkloads();
        foreach (var node in _observed.Nodes())
        {
            _wake.Wake(NodeKeys.For(node.Info.Name));
        }
    }
}
