namespace Orchestration;

/// <summary>Keeps replicas off nodes that run replicas of the typed workload <typeparamref name="TWorkload"/>.</summary>
/// <typeparam name="TWorkload">A <c>[Workload]</c> class.</typeparam>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class AntiAffinityAttribute<TWorkload> : Attribute
{
    /// <summary>Always (<see langword="true"/>) or only when another node fits.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Required { get; set; } = true;
}
