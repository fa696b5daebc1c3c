namespace Orchestration.Rollout;

/// <summary>A workload's revisions (oldest first, the current one last), the last revision that was fully rolled out
/// ("good") and whether its rollout is paused. Thread-safe: the reconcile and the orchestrator's commands share it.</summary>
internal sealed class RevisionHistory
{
    private readonly object _gate = new();
    private readonly List<RevisionEntry> _entries = [];
    private int _next = 1;
    private string? _lastGood;
    private string? _pausedReason;
    private DateTimeOffset? _resumedAt;

    /// <summary>The last revision whose rollout completed (every replica available).</summary>
    public string? LastGood
    {
        get { lock (_gate) { return _lastGood; } }
    }

    /// <summary>Why the rollout is paused, or <see langword="null"/> when it is not.</summary>
    public string? PausedReason
    {
        get { lock (_gate) { return _pausedReason; } }
    }

    /// <summary>When the rollout was last resumed (or rolled back): its progress deadline counts from here.</summary>
    public DateTimeOffset? ResumedAt
    {
        get { lock (_gate) { return _resumedAt; } }
    }

    public IReadOnlyList<RevisionEntry> Entries
    {
        get { lock (_gate) { return [.. _entries]; } }
    }

    /// <summary>The number the next new revision gets.</summary>
    public int NextNumber
    {
        get { lock (_gate) { return _next; } }
    }

    /// <summary>Replaces the history with one kept outside this process (by the previous leader), so numbering,
    /// rollback and the rollout's state continue where it left them.</summary>
    public void Restore(IEnumerable<RevisionEntry> entries, int nextNumber, string? lastGood, string? pausedReason)
    {
        lock (_gate)
        {
            _entries.Clear();
            _entries.AddRange(entries);
            _next = Math.Max(nextNumber, _entries.Count == 0 ? 1 : _entries.Max(e => e.Number) + 1);
            _lastGood = lastGood;
            _pausedReason = pausedReason;
        }
    }

    /// <summary>Records <paramref name="spec"/> as the current revision: a known hash keeps its number and moves to the
    /// end; a new one gets the next number. Old entries beyond the spec's history limit are dropped, never the last
    /// good one.</summary>
    public RevisionEntry Record(WorkloadSpec spec)
    {
        lock (_gate)
        {
            var revision = spec.Revision;
            if (_entries.Count > 0 && _entries[^1].Revision == revision)
            {
                if (!ReferenceEquals(_entries[^1].Spec, spec))
                {
                    _entries[^1] = _entries[^1] with { Spec = spec };
                }

                return _entries[^1];
            }

            var index = _entries.FindIndex(e => e.Revision == revision);
            var entry = index >= 0 ? _entries[index] with { Spec = spec } : new RevisionEntry(_next++, revision, spec);
            if (index >= 0)
            {
                _entries.RemoveAt(index);
            }

            _entries.Add(entry);
            var limit = Math.Max(0, spec.Update.RevisionHistoryLimit) + 1;
            for (var i = 0; _entries.Count > limit && i < _entries.Count - 1;)
            {
                if (_entries[i].Revision == _lastGood)
                {
                    i++;
                    continue;
                }

                _entries.RemoveAt(i);
            }

            return entry;
        }
    }

    /// <summary>The entry with this hash or number ("3"), or <see langword="null"/>.</summary>
    public RevisionEntry? Find(string revisionOrNumber)
    {
        lock (_gate)
        {
            return _entries.LastOrDefault(e => e.Revision == revisionOrNumber
                || e.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) == revisionOrNumber);
        }
    }

    /// <summary>The entry recorded before the current one, or <see langword="null"/>.</summary>
    public RevisionEntry? Previous()
    {
        lock (_gate)
        {
            return _entries.Count >= 2 ? _entries[^2] : null;
        }
    }

    public void MarkGood(string revision)
    {
        lock (_gate)
        {
            _lastGood = revision;
        }
    }

    public void Pause(string reason)
    {
        lock (_gate)
        {
            _pausedReason = reason;
        }
    }

    public bool Resume(DateTimeOffset now)
    {
        lock (_gate)
        {
            var was = _pausedReason is not null;
            _pausedReason = null;
            _resumedAt = now;
            return was;
        }
    }
}
