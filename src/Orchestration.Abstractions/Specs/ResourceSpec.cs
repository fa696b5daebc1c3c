namespace Orchestration;

/// <summary>CPU, memory and process limits of one replica. Requests are what the scheduler reserves on a node;
/// limits are what the runtime enforces. A request left unset falls back to the limit.</summary>
public sealed record ResourceSpec
{
    /// <summary>An empty set: nothing reserved, nothing limited.</summary>
    public static ResourceSpec None { get; } = new();

    /// <summary>CPU reserved for scheduling, in millicores (1000 = one core).</summary>
    public long? CpuRequestMillicores { get; init; }

    /// <summary>CPU the container may use, in millicores.</summary>
    public long? CpuLimitMillicores { get; init; }

    /// <summary>Memory reserved for scheduling, in bytes.</summary>
    public long? MemoryRequestBytes { get; init; }

    /// <summary>Memory the container may use, in bytes.</summary>
    public long? MemoryLimitBytes { get; init; }

    /// <summary>Maximum number of processes in the container.</summary>
    public long? PidsLimit { get; init; }

    /// <summary>The CPU the scheduler reserves: the request, or the limit when no request is set, or zero.</summary>
    public long EffectiveCpuMillicores => CpuRequestMillicores ?? CpuLimitMillicores ?? 0;

    /// <summary>The memory the scheduler reserves: the request, or the limit when no request is set, or zero.</summary>
    public long EffectiveMemoryBytes => MemoryRequestBytes ?? MemoryLimitBytes ?? 0;
}
