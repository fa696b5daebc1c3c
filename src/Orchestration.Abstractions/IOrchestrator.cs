using Orchestration.Events;

namespace Orchestration;

/// <summary>The orchestrator of one fleet: holds its desired state and keeps the containers in it.</summary>
public interface IOrchestrator
{
    /// <summary>The fleet's name.</summary>
    string FleetName { get; }

    /// <summary>Every event, in the order the orchestrator decided them. Subscribers are called on the orchestrator's
    /// threads and must not block.</summary>
    IObservable<OrchestrationEvent> Events { get; }

    /// <summary>Validates <paramref name="fleet"/> and makes it the desired state, all or nothing.</summary>
    /// <exception cref="SpecValidationException">Every problem; the previous desired state is kept.</exception>
    Task ApplyAsync(FleetSpec fleet, CancellationToken cancellationToken = default);

    /// <summary>Changes a service's desired replica count.</summary>
    /// <exception cref="ArgumentException">No such workload, or one that is not scaled by replica count.</exception>
    /// <exception cref="SpecValidationException">A negative count: the same problem, at the same field path, as an
    /// applied spec with that count.</exception>
    /// <exception cref="InvalidOperationException">The workload is autoscaled (its spec has
    /// <see cref="WorkloadSpec.Autoscaling"/>): its autoscaler sets the count; change its bounds instead.</exception>
    Task ScaleAsync(string workload, int replicas, CancellationToken cancellationToken = default);

    /// <summary>The current desired state, or <see langword="null"/> before the first apply.</summary>
    FleetSpec? DesiredState { get; }

    /// <summary>A snapshot of every workload and replica.</summary>
    FleetStatus GetStatus();

    /// <summary>Addresses of the ready replicas of <paramref name="workload"/>, for one port or all.</summary>
    IReadOnlyList<ServiceEndpoint> GetEndpoints(string workload, string? port = null);

    /// <summary>Completes with the first status that satisfies <paramref name="condition"/>. The condition is checked
    /// now and after every change the control loop makes.</summary>
    /// <param name="condition">The condition, such as <c>s =&gt; s["api"]?.Ready == 3</c>.</param>
    /// <param name="timeout">How long to wait, measured by the orchestrator's <see cref="TimeProvider"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="TimeoutException">The condition did not hold in time; the message shows the last status.</exception>
    /// <exception cref="WorkloadStalledException">The condition does not hold and a workload cannot make progress
    /// (<see cref="WorkloadStatus.StalledReason"/>): thrown at once, not at the timeout.</exception>
    /// <exception cref="KeyNotFoundException">The condition asked for a workload the fleet does not have.</exception>
    Task<FleetStatus> WaitForAsync(Func<FleetStatus, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Follows the output of every container of <paramref name="workload"/>: the last <paramref name="tail"/>
    /// lines of each current container, then every new line, including those of containers started later (restarts,
    /// scaling, job runs), until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="workload">The workload.</param>
    /// <param name="tail">Lines to give of each container's earlier output first; 0 for new lines only.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <exception cref="ArgumentException">No such workload.</exception>
    IAsyncEnumerable<LogLine> FollowLogsAsync(string workload, int tail = 0, CancellationToken cancellationToken = default);

    /// <summary>Makes an earlier revision of <paramref name="workload"/> the desired one again, keeping the current
    /// replica count; the change rolls out like any other and publishes <see cref="RolloutRolledBack"/>.</summary>
    /// <param name="workload">The workload.</param>
    /// <param name="revision">A revision number ("3") or hash from <see cref="GetRevisionHistory"/>; <see langword="null"/>
    /// for the revision before the current one.</param>
    /// <param name="cancellationToken">Stops waiting for the desired state's lock.</param>
    /// <exception cref="ArgumentException">No such workload, or no such earlier revision.</exception>
    Task RollbackAsync(string workload, string? revision = null, CancellationToken cancellationToken = default);

    /// <summary>Pauses the rollout of <paramref name="workload"/>: no replica is replaced by a newer revision until
    /// <see cref="ResumeRolloutAsync"/>. Crashed replicas are still restarted.</summary>
    /// <exception cref="ArgumentException">No such workload.</exception>
    Task PauseRolloutAsync(string workload, CancellationToken cancellationToken = default);

    /// <summary>Resumes a paused rollout (also one paused because it missed its progress deadline).</summary>
    /// <exception cref="ArgumentException">No such workload.</exception>
    Task ResumeRolloutAsync(string workload, CancellationToken cancellationToken = default);

    /// <summary>The revisions of <paramref name="workload"/> kept for rollback, oldest first; the last is current.</summary>
    IReadOnlyList<WorkloadRevision> GetRevisionHistory(string workload);

    /// <summary>Stops the control loop, then removes every container of the fleet on every runtime, and what the
    /// runtimes created for the fleet (such as its network). The desired state is kept but no longer enforced until
    /// the host starts again. With leader election only the leader deletes: on another instance, or once this one
    /// lost its lease, it throws (<c>NotLeaderException</c>) before removing anything (more).</summary>
    Task DeleteFleetAsync(CancellationToken cancellationToken = default);

    /// <summary>Marks <paramref name="node"/> unschedulable: no new replica is placed there; what runs there stays.</summary>
    /// <exception cref="ArgumentException">No such node.</exception>
    Task CordonAsync(string node, CancellationToken cancellationToken = default);

    /// <summary>Makes a cordoned <paramref name="node"/> schedulable again.</summary>
    /// <exception cref="ArgumentException">No such node.</exception>
    Task UncordonAsync(string node, CancellationToken cancellationToken = default);

    /// <summary>Cordons <paramref name="node"/> and moves its service replicas to other nodes: each gets a replacement
    /// elsewhere, and is retired only once that replacement is ready, at most <paramref name="maxUnavailable"/> moves
    /// of a workload at a time, so that no more than that many replicas are ever missing because of the drain. Completes
    /// when no service replica is left on the node, which stays cordoned (<see cref="UncordonAsync"/>). Jobs and daemon
    /// set replicas stay. A replacement that finds no other node keeps its old replica where it is, and the drain waits.</summary>
    /// <param name="node">The node to empty.</param>
    /// <param name="maxUnavailable">How many replicas of one workload may be on the move at a time; at least 1.</param>
    /// <param name="cancellationToken">Stops waiting and stops moving replicas; what was moved stays moved.</param>
    /// <exception cref="ArgumentException">No such node.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxUnavailable"/> is less than 1.</exception>
    Task DrainAsync(string node, int maxUnavailable = 1, CancellationToken cancellationToken = default);

    /// <summary>Restarts one replica: its container is removed and the control loop starts a new one in its place, as it
    /// would after a crash (with the replica's restart backoff).</summary>
    /// <param name="workload">The workload.</param>
    /// <param name="replicaId">The replica's id (<see cref="ReplicaStatus.Id"/>).</param>
    /// <param name="cancellationToken">Stops waiting for the runtime.</param>
    /// <exception cref="ArgumentException">No such workload or replica, or the replica has no container now.</exception>
    Task RestartReplicaAsync(string workload, string replicaId, CancellationToken cancellationToken = default);

    /// <summary>Publishes an <see cref="OperationRecorded"/> event: that <paramref name="user"/> asked for
    /// <paramref name="operation"/> on <paramref name="target"/> and how it ended. Operations surfaces (such as a
    /// dashboard) call it so that every operation, refused ones included, is in the event stream with its user.</summary>
    /// <param name="user">The user's name.</param>
    /// <param name="operation">The operation, such as "scale".</param>
    /// <param name="target">What it was applied to, such as "web".</param>
    /// <param name="outcome">How it ended.</param>
    /// <param name="detail">Arguments, or why it was refused or failed; never a secret.</param>
    /// <param name="workload">The workload it concerns, if any.</param>
    void RecordOperation(string user, string operation, string target, OperationOutcome outcome, string? detail = null, string? workload = null);
}
