namespace Orchestration.Reconciliation;

/// <summary>Whether a replica's node can be used, must be waited for, or is given up.</summary>
internal enum NodeHealth
{
    Ready,
    Waiting,
    Lost,
}
