using Microsoft.Extensions.Primitives;
using Orchestration.LeaderElection.Stores;
using Orchestration.Leadership;

namespace Orchestration.LeaderElection.Election;

/// <summary>This instance's leadership, as the control loop asks for it. It leads while it holds a lease whose last
/// renewal is younger than the renew deadline: the deadline is checked at every question, so a leader whose store
/// stopped answering stops acting on time even while a renewal hangs.</summary>
internal sealed class LeaderElector : ILeadership, ILeaderElection
{
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private ILease? _lease;
    private long _term;
    private DateTimeOffset _validUntil;
    private LeaderInfo? _leader;
    private string? _reason;
    private DateTimeOffset? _changedAt;
    private CancellationTokenSource _changes = new();

    public LeaderElector(TimeProvider time, Microsoft.Extensions.Options.IOptions<LeaderElectionOptions> options)
    {
        _time = time;
        Identity = options.Value.Identity;
    }

    public string Identity { get; }

    public bool IsLeader
    {
        get
        {
            lock (_gate)
            {
                return _lease is { } lease && !lease.Lost.IsCancellationRequested && _time.GetUtcNow() < _validUntil;
            }
        }
    }

    public long Term
    {
        get { lock (_gate) { return _term; } }
    }

    public LeaderInfo? Leader
    {
        get { lock (_gate) { return _leader; } }
    }

    public LeadershipStatus Status
    {
        get
        {
            var leads = IsLeader;
            lock (_gate)
            {
                return new LeadershipStatus
                {
                    Identity = Identity,
                    IsLeader = leads,
                    Leader = _leader?.Identity,
                    Term = _leader?.Term ?? 0,
                    Since = _leader?.Since,
                    Reason = _reason,
                    ChangedAt = _changedAt,
                };
            }
        }
    }

    /// <summary>The held lease, or <see langword="null"/> while following.</summary>
    public ILease? Lease
    {
        get { lock (_gate) { return _lease; } }
    }

    /// <summary>When this instance stops acting unless it renews before.</summary>
    public DateTimeOffset ValidUntil
    {
        get { lock (_gate) { return _validUntil; } }
    }

    public void Lead(ILease lease, LeaderInfo leader, DateTimeOffset validUntil)
    {
        lock (_gate)
        {
            _lease = lease;
            _term = leader.Term;
            _leader = leader;
            _validUntil = validUntil;
        }
    }

    public void Renewed(DateTimeOffset validUntil)
    {
        lock (_gate)
        {
            _validUntil = validUntil;
        }
    }

    /// <summary>Stops leading at once; returns the lease to release, if one was held.</summary>
    public ILease? Follow(LeaderInfo? leader)
    {
        lock (_gate)
        {
            var lease = _lease;
            _lease = null;
            _validUntil = DateTimeOffset.MinValue;
            _leader = leader;
            return lease;
        }
    }

    /// <summary>Notes why leadership changed, for the status.</summary>
    public void Changed(string reason, DateTimeOffset at)
    {
        lock (_gate)
        {
            _reason = reason;
            _changedAt = at;
        }
    }

    public IChangeToken GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref _changes).Token);

    /// <summary>Tells the control loop that this instance started or stopped leading (it reconciles everything).</summary>
    public void SignalChange() => Interlocked.Exchange(ref _changes, new CancellationTokenSource()).Cancel();

    /// <summary>Notes the leader a follower read from the store.</summary>
    public void Observe(LeaderInfo? leader)
    {
        lock (_gate)
        {
            _leader = leader;
        }
    }
}
