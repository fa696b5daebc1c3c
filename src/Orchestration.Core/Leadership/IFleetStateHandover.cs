using Microsoft.Extensions.Primitives;

namespace Orchestration.Leadership;

/// <summary>Hands the control plane's state from one leader of a fleet to the next, and from the leader to its
/// followers. The orchestrator decides what the state is and how it is captured and restored; leader election decides
/// where the <see cref="FleetStateSnapshot"/> is kept and when it is captured and restored. Registered by
/// <c>AddOrchestration</c>.</summary>
public interface IFleetStateHandover
{
    /// <summary>Captures the state to keep for the next leader.</summary>
    /// <returns>The snapshot of the state as it is now.</returns>
    FleetStateSnapshot Capture();

    /// <summary>Takes the kept state over as the new leader: its revision histories, rollout states and cron marks
    /// always; its desired fleet when this instance was started with the same registered fleet as the instance that
    /// kept it, otherwise this instance's own registered fleet, which is then rolled out on top of the kept history as
    /// a new deployment.</summary>
    /// <param name="snapshot">The state the previous leader kept.</param>
    void RestoreAsLeader(FleetStateSnapshot snapshot);

    /// <summary>Takes the leader's kept state over as a follower, which serves the leader's desired fleet and revision
    /// histories read-only.</summary>
    /// <param name="snapshot">The state the leader kept.</param>
    void RestoreAsFollower(FleetStateSnapshot snapshot);

    /// <summary>A token that fires when the state to keep changed (the desired fleet, or a cron job's last schedule
    /// time), so it can be kept at once rather than at the next periodic capture.</summary>
    /// <returns>The change token.</returns>
    IChangeToken GetChangeToken();
}
