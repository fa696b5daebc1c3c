using Microsoft.Extensions.Primitives;

namespace Orchestration.Leadership;

/// <summary>Whether this orchestrator instance may act on the engines. The control loop asks before every reconcile and
/// before every container it creates, stops or removes: only the leader acts; the others keep their watch of the
/// engines and serve reads. Without leader election every instance leads (the default, for one process per fleet).</summary>
public interface ILeadership
{
    /// <summary>Whether this instance leads now. A leader whose lease could no longer be renewed in time answers
    /// <see langword="false"/> before its lease can pass to another instance.</summary>
    bool IsLeader { get; }

    /// <summary>The term of the current leadership: grows with every new leader of the fleet, and is put on every
    /// container this instance creates (<see cref="Runtime.OrchestrationLabels.Term"/>). 0 when terms are not
    /// counted.</summary>
    long Term { get; }

    /// <summary>Who leads and since when, for <see cref="IOrchestrator.GetStatus"/>; <see langword="null"/> when
    /// there is no leader election.</summary>
    LeadershipStatus? Status { get; }

    /// <summary>A token that fires when this instance starts or stops leading, so the control loop reconciles every
    /// workload and node at once rather than at its next periodic resync.</summary>
    /// <returns>The change token; one that never fires when leadership cannot change.</returns>
    IChangeToken GetChangeToken();
}
