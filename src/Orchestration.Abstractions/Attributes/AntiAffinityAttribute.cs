namespace Orchestration;

/// <summary>Keeps replicas off nodes that run replicas of a workload given by name; naming the workload itself means
/// at most one replica per node.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class AntiAffinityAttribute : Attribute
{
    /// <summary>Keeps replicas away from those of <paramref name="workload"/>.</summary>
    public AntiAffinityAttribute(string workload)
    {
        Workload = workload;
    }

    /// <summary>Name of the workload to keep away from.</summary>
    public string Workload { get; }

    /// <summary>Always (<see langword="true"/>) or only when another node fits.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Required { get; set; } = true;
}
