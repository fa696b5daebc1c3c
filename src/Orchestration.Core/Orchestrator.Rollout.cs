using Orchestration.Events;

namespace Orchestration;

/// <summary>Rollout commands: rollback, pause, resume, revision history.</summary>
internal sealed partial class Orchestrator
{
    public async Task RollbackAsync(string workload, string? revision = null, CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var spec = Find(workload);
            var history = _rollouts.Of(workload);
            history.Record(spec);
            var target = (revision is null ? history.Previous() : history.Find(revision))
                ?? throw new ArgumentException(revision is null
                    ? $"Workload '{workload}' has no earlier revision to roll back to."
                    : $"Workload '{workload}' has no revision '{revision}'; known: {string.Join(", ", history.Entries.Select(e => $"{e.Number} ({e.Revision})"))}.", nameof(revision));
            if (target.Revision == spec.Revision)
            {
                return;
            }

            var reason = revision is null ? "rollback requested" : $"rollback to revision {revision} requested";
            if (!_rollbacks.TryRollback(workload, target, reason))
            {
                throw new InvalidOperationException($"The desired state of workload '{workload}' kept changing; try again.");
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public Task PauseRolloutAsync(string workload, CancellationToken cancellationToken = default)
    {
        var spec = Find(workload);
        var history = _rollouts.Of(workload);
        var entry = history.Record(spec);
        if (history.PausedReason is null)
        {
            history.Pause("paused on request");
            _events.Publish(new RolloutPaused { Time = _time.GetUtcNow(), Fleet = FleetName, Workload = workload, Revision = entry.Revision, Number = entry.Number, Reason = "paused on request" });
            _wake.Wake(workload);
        }

        return Task.CompletedTask;
    }

    public Task ResumeRolloutAsync(string workload, CancellationToken cancellationToken = default)
    {
        var spec = Find(workload);
        var history = _rollouts.Of(workload);
        var entry = history.Record(spec);
        if (history.Resume(_time.GetUtcNow()))
        {
            _events.Publish(new RolloutResumed { Time = _time.GetUtcNow(), Fleet = FleetName, Workload = workload, Revision = entry.Revision, Number = entry.Number });
            _wake.Wake(workload);
        }

        return Task.CompletedTask;
    }

    public IReadOnlyList<WorkloadRevision> GetRevisionHistory(string workload)
    {
        var current = Find(workload).Revision;
        return [.. _rollouts.Of(workload).Entries.Select(e => new WorkloadRevision(e.Number, e.Revision, e.Spec, e.Revision == current))];
    }

    private WorkloadSpec Find(string workload)
        => _store.Current?.Find(workload)
            ?? throw UnknownWorkload.Exception(workload, FleetName, _store.Current?.Workloads.Select(w => w.Name) ?? [], nameof(workload));
}
