namespace Orchestration;

/// <summary>CPU, memory and process requests and limits of one replica, written the Kubernetes way: CPU as "250m" or
/// "1.5", memory as "256Mi", "1G" or bytes. The generator checks the quantities at compile time.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ResourcesAttribute : Attribute
{
    /// <summary>CPU the scheduler reserves, such as "250m".</summary>
    public string? Cpu { get; set; }

    /// <summary>Memory the scheduler reserves, such as "256Mi".</summary>
    public string? Memory { get; set; }

    /// <summary>CPU the runtime enforces, such as "1".</summary>
    public string? CpuLimit { get; set; }

    /// <summary>Memory the runtime enforces, such as "512Mi".</summary>
    public string? MemoryLimit { get; set; }

    /// <summary>Maximum number of processes in the container; not limited when not set.</summary>
    public long PidsLimit { get; set; }
}
