namespace Orchestration.LeaderElection;

/// <summary>The state of leader election as this instance sees it: whether it leads, and who does.</summary>
public interface ILeaderElection
{
    /// <summary>This instance's identity.</summary>
    string Identity { get; }

    /// <summary>Whether this instance leads now (and may act on the engines).</summary>
    bool IsLeader { get; }

    /// <summary>The fleet's leader as last read from the lease store (this instance while it leads), or
    /// <see langword="null"/> when none is known.</summary>
    LeaderInfo? Leader { get; }
}
