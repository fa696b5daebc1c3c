using System.Collections.Immutable;

namespace Orchestration.Runtime;

/// <summary>A container's state as its runtime reports it.</summary>
public enum ContainerState
{
    /// <summary>Created, not started.</summary>
    Created,

    /// <summary>Its process runs.</summary>
    Running,

    /// <summary>Its process ended; see the exit code.</summary>
    Exited,

    /// <summary>Being removed or unusable.</summary>
    Dead,
}

/// <summary>What a runtime knows of one container.</summary>
public sealed record ContainerInfo
{
    /// <summary>Node and id.</summary>
    public required ContainerRef Ref { get; init; }

    /// <summary>Container name.</summary>
    public required string Name { get; init; }

    /// <summary>All labels, ownership labels included.</summary>
    public required ImmutableSortedDictionary<string, string> Labels { get; init; }

    /// <summary>Current state.</summary>
    public required ContainerState State { get; init; }

    /// <summary>Exit code once exited.</summary>
    public int? ExitCode { get; init; }

    /// <summary>Whether the kernel killed it for exceeding its memory limit.</summary>
    public bool OomKilled { get; init; }

    /// <summary>When its process last started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When its process last ended.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Where each named port can be reached from the machine running the orchestrator.</summary>
    public ImmutableDictionary<string, HostEndpoint> PublishedPorts { get; init; } = ImmutableDictionary<string, HostEndpoint>.Empty;

    /// <summary>The container's address on the fleet network, if any.</summary>
    public string? NetworkAddress { get; init; }

    /// <summary>The value of an ownership label, or <see langword="null"/>.</summary>
    public string? Label(string key) => Labels.GetValueOrDefault(key);
}
