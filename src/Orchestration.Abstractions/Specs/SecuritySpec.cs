using System.Collections.Immutable;

namespace Orchestration;

/// <summary>Security settings of the containers. The defaults are locked down: no new privileges, every
/// capability dropped, an init process. Privileged mode and host namespaces must also be allowed by the runtime's
/// options, or applying the workload is refused.</summary>
public sealed record SecuritySpec
{
    /// <summary>The locked-down defaults.</summary>
    public static SecuritySpec Default { get; } = new();

    /// <summary>Linux capabilities added back after all are dropped, such as "NET_BIND_SERVICE".</summary>
    public ImmutableArray<string> AddCapabilities { get; init; } = [];

    /// <summary>Run privileged. Refused unless the runtime allows it.</summary>
    public bool Privileged { get; init; }

    /// <summary>Share the node's network namespace. Refused unless the runtime allows it.</summary>
    public bool HostNetwork { get; init; }

    /// <summary>Share the node's process namespace. Refused unless the runtime allows it.</summary>
    public bool HostPid { get; init; }

    /// <summary>Mount the root file system read-only.</summary>
    public bool ReadOnlyRootFilesystem { get; init; }

    /// <summary>User (name or uid[:gid]) the process runs as; <see langword="null"/> keeps the image's.</summary>
    public string? User { get; init; }
}
