namespace Orchestration.Runtime;

/// <summary>One sample of a container's resource use.</summary>
/// <param name="Read">When the engine read it.</param>
/// <param name="CpuCores">CPU used since the previous sample, in cores (0.5 = half a core).</param>
/// <param name="MemoryBytes">Memory in use, without the page cache the kernel can reclaim.</param>
public sealed record ContainerStats(DateTimeOffset Read, double CpuCores, long MemoryBytes);
