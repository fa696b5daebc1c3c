using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Orchestration.Events;
using Orchestration.LeaderElection.Diagnostics;
using Orchestration.LeaderElection.Fencing;
using Orchestration.LeaderElection.Stores;
using Orchestration.Leadership;

namespace Orchestration.LeaderElection.Election;

/// <summary>Competes for the fleet's lease and keeps it: a follower waits on the lease for one retry period at a time
/// and reads who leads; the leader renews every retry period, keeps the fleet's state in the store, undoes late writes,
/// and steps down when it cannot renew within the renew deadline. On stop the leader saves and releases at once.</summary>
internal sealed partial class ElectionLoop : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan StopBudget = TimeSpan.FromSeconds(2);

    private readonly ILeaseStore _store;
    private readonly LeaderElector _elector;
    private readonly IFleetStateHandover _handover;
    private readonly LateWriteSweeper _sweeper;
    private readonly LeaderElectionMetrics _metrics;
    private readonly IEventHub _events;
    private readonly TimeProvider _time;
    private readonly LeaderElectionOptions _options;
    private readonly string _fleet;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _saveSoon = new(0, 1);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _running;
    private Task? _housekeeping;
    private IDisposable? _stateChanges;
    private string? _savedState;
    private string? _followedState;

    public ElectionLoop(
        ILeaseStore store,
        LeaderElector elector,
        IFleetStateHandover handover,
        LateWriteSweeper sweeper,
        LeaderElectionMetrics metrics,
        IEventHub events,
        TimeProvider time,
        IOptions<LeaderElectionOptions> options,
        IOptions<OrchestrationOptions> orchestration,
        ILogger<ElectionLoop> logger)
    {
        _store = store;
        _elector = elector;
        _handover = handover;
        _sweeper = sweeper;
        _metrics = metrics;
        _events = events;
        _time = time;
        _options = options.Value;
        _fleet = orchestration.Value.FleetName;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _ = _handover.Capture(); // the first serialization is the slow one: not on the way to the lease
        _stateChanges = ChangeToken.OnChange(_handover.GetChangeToken, SaveSoon);
        try
        {
            // One try before the host's start completes, so a lone instance leads as soon as it runs.
            await TryLeadAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStoreFailed(_logger, _fleet, ex);
        }

        _running = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        _housekeeping = Task.Run(() => HousekeepAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stateChanges?.Dispose();
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var task in new[] { _running, _housekeeping })
        {
            if (task is not null)
            {
                await task.ConfigureAwait(false);
            }
        }

        if (_elector.Lease is not null)
        {
            using var budget = new CancellationTokenSource(StopBudget);
            try
            {
                await SaveAsync(budget.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                LogStoreFailed(_logger, _fleet, ex);
            }

            await StepDownAsync("lease released on stop", "released").ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        _stopping.Dispose();
        _saveSoon.Dispose();
    }

    private void SaveSoon()
    {
        if (_elector.Lease is not null && _saveSoon.CurrentCount == 0)
        {
            try
            {
                _saveSoon.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (_elector.Lease is null)
                {
                    await TryLeadAsync(_options.RetryPeriod, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await RenewAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogStoreFailed(_logger, _fleet, ex);
                if (_elector.Lease is not null && !_elector.IsLeader)
                {
                    await StepDownAsync($"lease not renewed within the renew deadline ({_options.RenewDeadline.TotalSeconds:0.###} s): {ex.Message}", "renew_deadline").ConfigureAwait(false);
                }

                await DelayAsync(_options.RetryPeriod, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task TryLeadAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var lease = await _store.TryAcquireAsync(wait, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            await FollowAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var since = _time.GetUtcNow();
        try
        {
            var term = await lease.BeginTermAsync(_elector.Identity, since, cancellationToken).ConfigureAwait(false);
            var kept = await _store.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(kept.State))
            {
                _handover.RestoreAsLeader(FleetStateSnapshot.FromJson(kept.State));
            }

            var leader = new LeaderInfo(_elector.Identity, term, since);
            _elector.Lead(lease, leader, since + _options.RenewDeadline);
            Publish(leader, isLeader: true, "lease acquired", "acquired");
            _elector.SignalChange();
            SaveSoon();

            // Containers listed now are not late writes: this term's own carry its number, a deposed leader's that
            // arrive later do not.
            await _sweeper.BeginTermAsync(term, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _elector.Follow(null);
            await ReleaseQuietlyAsync(lease).ConfigureAwait(false);
            throw;
        }
    }

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        var kept = await _store.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (kept.Leader != _elector.Leader)
        {
            _elector.Observe(kept.Leader);
            Publish(kept.Leader, isLeader: false, "another instance leads", "observed");
        }

        if (kept.State is { Length: > 0 } state && state != _followedState)
        {
            // Followers serve the leader's desired state and revision history, read-only.
            _handover.RestoreAsFollower(FleetStateSnapshot.FromJson(state));
            _followedState = state;
        }
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        var lease = _elector.Lease!;
        using (var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost))
        {
            try
            {
                await Task.Delay(_options.RetryPeriod, _time, wake.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
        }

        if (lease.Lost.IsCancellationRequested)
        {
            await StepDownAsync("the lock library reported the lease lost", "lost").ConfigureAwait(false);
            return;
        }

        var sent = _time.GetUtcNow();
        var left = _elector.ValidUntil - sent;
        if (left <= TimeSpan.Zero)
        {
            throw new TimeoutException("The renew deadline passed before the lease could be renewed.");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(left);
        bool current;
        try
        {
            current = await lease.ConfirmAsync(_elector.Term, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("The lease store did not answer within the renew deadline.");
        }

        if (!current)
        {
            await StepDownAsync("another instance began a newer term", "deposed").ConfigureAwait(false);
            return;
        }

        _elector.Renewed(sent + _options.RenewDeadline);
    }

    /// <summary>Off the renewal's path: while leading, keeps the fleet's state in the store (at once when the desired
    /// state changed, else every retry period) and undoes late writes.</summary>
    private async Task HousekeepAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using (var period = new CancellationTokenSource(_options.RetryPeriod, _time))
                using (var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, period.Token))
                {
                    try
                    {
                        await _saveSoon.WaitAsync(wake.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                    }
                }

                if (!_elector.IsLeader)
                {
                    continue;
                }

                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                deadline.CancelAfter(_options.RenewDeadline);
                await SaveAsync(deadline.Token).ConfigureAwait(false);
                await _sweeper.SweepAsync(_elector.Term, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogStoreFailed(_logger, _fleet, ex);
            }
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (_elector.Lease is not { } lease)
        {
            return;
        }

        var state = _handover.Capture().ToJson();
        if (state != _savedState && await lease.SaveStateAsync(_elector.Term, state, cancellationToken).ConfigureAwait(false))
        {
            _savedState = state;
        }
    }

    private async Task StepDownAsync(string reason, string kind)
    {
        var lease = _elector.Follow(null);
        if (lease is not null)
        {
            await ReleaseQuietlyAsync(lease).ConfigureAwait(false);
        }

        _savedState = null;
        Publish(null, isLeader: false, reason, kind);

        // Its status now comes from its watch, as on every follower, not from its last reconciles.
        _elector.SignalChange();
    }

    private async Task ReleaseQuietlyAsync(ILease lease)
    {
        try
        {
            await lease.DisposeAsync().AsTask().WaitAsync(StopBudget).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogStoreFailed(_logger, _fleet, ex);
        }
    }

    private void Publish(LeaderInfo? leader, bool isLeader, string reason, string kind)
    {
        _metrics.Changed(isLeader, kind);
        var now = _time.GetUtcNow();
        _elector.Changed(reason, now);
        _events.Publish(new LeadershipChanged { Time = now, Fleet = _fleet, Identity = _elector.Identity, IsLeader = isLeader, Leader = leader, Reason = reason });
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 160, Level = LogLevel.Warning, Message = "The lease store of fleet '{Fleet}' failed")]
    private static partial void LogStoreFailed(ILogger logger, string fleet, Exception exception);
}
