namespace Orchestration.Testing;

/// <summary>A test fleet did not become ready in time. The message lists each workload that is not ready and, per
/// replica, its phase, last exit code, last probe failure or other reason, and its last log lines.</summary>
public sealed class FleetNotReadyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FleetNotReadyException(string message, FleetStatus status, Exception? inner = null)
        : base(message, inner)
    {
        Status = status;
    }

    /// <summary>The fleet's status when waiting gave up.</summary>
    public FleetStatus Status { get; }
}
