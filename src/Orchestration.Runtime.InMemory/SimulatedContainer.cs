using Orchestration.Runtime;

namespace Orchestration.InMemory;

/// <summary>One simulated container and its pending state change, if any.</summary>
internal sealed class SimulatedContainer
{
    public required ContainerInfo Info { get; set; }

    public required string Fleet { get; init; }

    public required string Image { get; init; }

    /// <summary>The named volumes it mounts.</summary>
    public IReadOnlyList<string> Volumes { get; init; } = [];

    /// <summary>The next timed transition (start after the start delay, or exit after the image's run time).</summary>
    public ITimer? Timer { get; set; }

    public string? Workload => Info.Label(OrchestrationLabels.Workload);

    public string? ReplicaId => Info.Label(OrchestrationLabels.Replica);
}
