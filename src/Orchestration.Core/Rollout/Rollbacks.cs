using Microsoft.Extensions.Options;
using Orchestration.Events;
using Orchestration.State;

namespace Orchestration.Rollout;

/// <summary>Goes back to an earlier revision: makes its spec (with the current replica count) the desired spec and
/// publishes <see cref="RolloutRolledBack"/>. Used by the reconcile (automatic rollback) and by
/// <see cref="IOrchestrator.RollbackAsync"/>.</summary>
internal sealed class Rollbacks
{
    private readonly DesiredStateStore _desired;
    private readonly RolloutStore _rollouts;
    private readonly EventHub _events;
    private readonly TimeProvider _time;
    private readonly string _fleet;

    public Rollbacks(DesiredStateStore desired, RolloutStore rollouts, EventHub events, TimeProvider time, IOptions<OrchestrationOptions> options)
    {
        _desired = desired;
        _rollouts = rollouts;
        _events = events;
        _time = time;
        _fleet = options.Value.FleetName;
    }

    /// <summary>Rolls <paramref name="workload"/> back to <paramref name="target"/>; false when the workload is gone or
    /// the desired state kept changing underneath.</summary>
    public bool TryRollback(string workload, RevisionEntry target, string reason)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = _desired.Current;
            var spec = current?.Find(workload);
            if (current is null || spec is null)
            {
                return false;
            }

            var history = _rollouts.Of(workload);
            var from = history.Record(spec);
            var restored = target.Spec with { Replicas = spec.Replicas };
            var next = current with { Workloads = current.Workloads.Replace(spec, restored) };
            if (!_desired.TryReplace(current, next))
            {
                continue;
            }

            history.Resume(_time.GetUtcNow());
            var to = history.Record(restored);
            _events.Publish(new RolloutRolledBack
            {
                Time = _time.GetUtcNow(), Fleet = _fleet, Workload = workload, Revision = to.Revision, Number = to.Number,
                FromRevision = from.Revision, FromNumber = from.Number, Reason = reason,
            });
            return true;
        }

        return false;
    }
}
