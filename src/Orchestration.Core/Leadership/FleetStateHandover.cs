using System.Text.Json;
using Microsoft.Extensions.Primitives;
using Orchestration.Reconciliation;
using Orchestration.Rollout;
using Orchestration.State;

namespace Orchestration.Leadership;

/// <summary>Turns the desired state, the revision histories and the cron marks into a <see cref="FleetStateSnapshot"/>
/// and back, so revision numbers, rollbacks, rollouts and cron schedules continue across restarts and leaders.</summary>
internal sealed class FleetStateHandover : IFleetStateHandover, IDisposable
{
    private readonly DesiredStateStore _desired;
    private readonly RolloutStore _rollouts;
    private readonly CronScheduleMarks _cron;
    private CancellationTokenSource _changes = new();
    private FleetSpec? _registered;
    private string _registeredKey = "";

    public FleetStateHandover(DesiredStateStore desired, RolloutStore rollouts, CronScheduleMarks cron)
    {
        _desired = desired;
        _rollouts = rollouts;
        _cron = cron;
        _desired.Changed += OnDesiredChanged;
        _cron.Changed += OnChanged;
    }

    /// <summary>Remembers the fleet this instance was started with (its registrations, applied at start).</summary>
    public void RememberRegistered()
    {
        _registered = _desired.Current;
        _registeredKey = KeyOf(_registered);
    }

    public FleetStateSnapshot Capture()
    {
        var fleet = _desired.Current;
        var histories = new Dictionary<string, KeptHistory>(StringComparer.Ordinal);
        foreach (var workload in fleet?.Workloads ?? [])
        {
            var history = _rollouts.Of(workload.Name);
            histories[workload.Name] = new KeptHistory(
                [.. history.Entries.Select(e => new KeptRevision(e.Number, e.Revision, e.Spec))],
                history.NextNumber,
                history.LastGood,
                history.PausedReason);
        }

        var document = new FleetStateDocument(FleetStateDocument.CurrentVersion, _registeredKey, fleet, histories, _cron.Snapshot());
        return new FleetStateSnapshot(document, JsonSerializer.Serialize(document));
    }

    public void RestoreAsLeader(FleetStateSnapshot snapshot) => Restore(snapshot, leading: true);

    public void RestoreAsFollower(FleetStateSnapshot snapshot) => Restore(snapshot, leading: false);

    public IChangeToken GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref _changes).Token);

    public void Dispose()
    {
        _desired.Changed -= OnDesiredChanged;
        _cron.Changed -= OnChanged;
    }

    private void Restore(FleetStateSnapshot snapshot, bool leading)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var kept = snapshot.Document;
        foreach (var (workload, history) in kept.Histories)
        {
            _rollouts.Of(workload).Restore(
                history.Entries.Select(e => new RevisionEntry(e.Number, e.Revision, e.Spec)), history.NextNumber, history.LastGood, history.PausedReason);
        }

        if (kept.CronMarks is { } marks)
        {
            _cron.Restore(marks);
        }

        var fleet = leading && kept.RegisteredKey != _registeredKey ? _registered : kept.Fleet;
        if (fleet is not null)
        {
            var current = _desired.Current;
            if (!ReferenceEquals(current, fleet))
            {
                _desired.TryReplace(current, fleet);
            }
        }
    }

    private void OnDesiredChanged(IReadOnlyCollection<string> workloads) => OnChanged();

    private void OnChanged() => Interlocked.Exchange(ref _changes, new CancellationTokenSource()).Cancel();

    private static string KeyOf(FleetSpec? fleet)
        => fleet is null ? "" : string.Join(';', fleet.Workloads.Select(w => $"{w.Name}:{w.Revision}:{w.Replicas}"));
}
