using System.Text.Json;
using Orchestration.Reconciliation;
using Orchestration.Rollout;
using Orchestration.State;

namespace Orchestration.LeaderElection.State;

/// <summary>Turns the desired state and the revision histories into the JSON kept in the lease store, and back, so
/// revision numbers, rollbacks and rollouts continue across restarts and leaders.</summary>
internal sealed class FleetStateJournal
{
    private readonly DesiredStateStore _desired;
    private readonly RolloutStore _rollouts;
    private readonly CronScheduleMarks _cron;
    private FleetSpec? _registered;
    private string _registeredKey = "";

    public FleetStateJournal(DesiredStateStore desired, RolloutStore rollouts, CronScheduleMarks cron)
    {
        _cron = cron;
        _desired = desired;
        _rollouts = rollouts;
    }

    /// <summary>Raised when a cron job's last schedule time moved (the desired state has its own event).</summary>
    public event Action? CronChanged
    {
        add => _cron.Changed += value;
        remove => _cron.Changed -= value;
    }

    /// <summary>Remembers the fleet this instance was started with (its registrations, applied at start).</summary>
    public void RememberRegistered()
    {
        _registered = _desired.Current;
        _registeredKey = KeyOf(_registered);
    }

    /// <summary>The current state as JSON.</summary>
    public string Capture()
    {
        var fleet = _desired.Current;
        var histories = new Dictionary<string, HistorySnapshot>(StringComparer.Ordinal);
        foreach (var workload in fleet?.Workloads ?? [])
        {
            var history = _rollouts.Of(workload.Name);
            histories[workload.Name] = new HistorySnapshot(
                [.. history.Entries.Select(e => new RevisionSnapshot(e.Number, e.Revision, e.Spec))],
                history.NextNumber,
                history.LastGood,
                history.PausedReason);
        }

        return JsonSerializer.Serialize(new FleetStateSnapshot(_registeredKey, fleet, histories, _cron.Snapshot()));
    }

    /// <summary>Takes over the kept state: its histories always; its desired fleet when this instance was started
    /// with the same fleet as the one that kept it (otherwise this instance's own fleet is a new deployment and is
    /// rolled out on top of the kept history).</summary>
    public void Restore(string? json, bool leading)
    {
        if (string.IsNullOrEmpty(json) || JsonSerializer.Deserialize<FleetStateSnapshot>(json) is not { } snapshot)
        {
            return;
        }

        foreach (var (workload, kept) in snapshot.Histories)
        {
            _rollouts.Of(workload).Restore(
                kept.Entries.Select(e => new RevisionEntry(e.Number, e.Revision, e.Spec)), kept.NextNumber, kept.LastGood, kept.PausedReason);
        }

        if (snapshot.CronMarks is { } marks)
        {
            _cron.Restore(marks);
        }

        var fleet = leading && snapshot.RegisteredKey != _registeredKey ? _registered : snapshot.Fleet;
        if (fleet is not null)
        {
            var current = _desired.Current;
            if (!ReferenceEquals(current, fleet))
            {
                _desired.TryReplace(current, fleet);
            }
        }
    }

    private static string KeyOf(FleetSpec? fleet)
        => fleet is null ? "" : string.Join(';', fleet.Workloads.Select(w => $"{w.Name}:{w.Revision}:{w.Replicas}"));
}
