namespace Orchestration.Diagnostics;

/// <summary>The names and values of the tags measurements and spans carry. Values are names the orchestrator chose or the
/// fleet's and workloads' names (and replica ids it generated), never a value taken from a spec.</summary>
internal static class MetricTags
{
    /// <summary>The fleet's name, on every measurement.</summary>
    public const string Fleet = "orchestration.fleet";

    /// <summary>The workload's name, on every measurement about one.</summary>
    public const string Workload = "orchestration.workload";

    /// <summary><see cref="PlacementScheduled"/> or <see cref="PlacementPending"/>.</summary>
    public const string PlacementResult = "orchestration.placement.result";

    /// <summary>How a replica's container ended: <see cref="ExitSuccess"/>, <see cref="ExitError"/>,
    /// <see cref="ExitSignal"/> or <see cref="ExitNone"/>.</summary>
    public const string ExitClass = "orchestration.exit.class";

    /// <summary><see cref="RolloutCompleted"/>, <see cref="RolloutRolledBack"/> or <see cref="RolloutPaused"/>.</summary>
    public const string RolloutOutcome = "orchestration.rollout.outcome";

    /// <summary><see cref="Success"/> or <see cref="Failure"/>; on a span also <see cref="Cancelled"/>.</summary>
    public const string ReconcileOutcome = "orchestration.reconcile.outcome";

    /// <summary>The full name of the exception type a failed reconcile threw (OpenTelemetry's <c>error.type</c>).</summary>
    public const string ErrorType = "error.type";

    /// <summary>The id of the replica a span event is about.</summary>
    public const string ReplicaId = "orchestration.replica.id";

    /// <summary>A node state: <c>ready</c>, <c>not_ready</c> or <c>lost</c>.</summary>
    public const string NodeState = "orchestration.node.state";

    public const string PlacementScheduled = "scheduled";
    public const string PlacementPending = "pending";

    /// <summary>Exit code 0.</summary>
    public const string ExitSuccess = "success";

    /// <summary>Exit codes 1 to 128 (and negative ones).</summary>
    public const string ExitError = "error";

    /// <summary>Exit codes above 128: the process was killed by a signal, such as 137 for SIGKILL or the memory limit.</summary>
    public const string ExitSignal = "signal";

    /// <summary>No exit code: the start failed, the container disappeared, or it failed its liveness probe.</summary>
    public const string ExitNone = "none";

    public const string RolloutCompleted = "completed";
    public const string RolloutRolledBack = "rolled_back";
    public const string RolloutPaused = "paused";

    public const string Success = "success";
    public const string Failure = "failure";

    /// <summary>The reconcile was cut short because the loop stops.</summary>
    public const string Cancelled = "cancelled";
}
