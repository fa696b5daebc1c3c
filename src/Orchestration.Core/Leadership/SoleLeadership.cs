namespace Orchestration.Leadership;

/// <summary>The leadership of an orchestrator without leader election: it always leads, in no term.</summary>
internal sealed class SoleLeadership : ILeadership
{
    public bool IsLeader => true;

    public long Term => 0;

    public LeadershipStatus? Status => null;
}
