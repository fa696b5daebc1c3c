using Microsoft.Extensions.Primitives;

namespace Orchestration.Leadership;

/// <summary>The leadership of an orchestrator without leader election: it always leads, in no term.</summary>
internal sealed class SoleLeadership : ILeadership
{
    private static readonly IChangeToken Never = new CancellationChangeToken(CancellationToken.None);

    public bool IsLeader => true;

    public long Term => 0;

    public LeadershipStatus? Status => null;

    public IChangeToken GetChangeToken() => Never;
}
