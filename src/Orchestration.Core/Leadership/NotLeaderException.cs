namespace Orchestration.Leadership;

/// <summary>Thrown when an instance that does not lead (any more) was about to act on an engine: the act is refused,
/// and the reconcile that asked for it is retried once the instance leads again.</summary>
public sealed class NotLeaderException : InvalidOperationException
{
    /// <summary>Creates the exception for an act of fleet <paramref name="fleet"/>.</summary>
    public NotLeaderException(string fleet)
        : base($"This instance does not lead fleet '{fleet}'; only the leader changes its containers.")
    {
        Fleet = fleet;
    }

    /// <summary>The fleet.</summary>
    public string Fleet { get; }
}
