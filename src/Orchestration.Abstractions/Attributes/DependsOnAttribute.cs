namespace Orchestration;

/// <summary>Starts this workload only after the typed workload <typeparamref name="TWorkload"/> reached a state, and
/// injects its address: <c>{NAME}_HOST</c> holds its in-network name and <c>{NAME}_PORT_{PORT}</c> each declared
/// container port, where NAME and PORT are the workload and port names uppercased with '-' turned into '_'. The
/// variable names are also generated as constants in the dependency's nested <c>EndpointVariables</c> class.</summary>
/// <typeparam name="TWorkload">A <c>[Workload]</c> class; anything else is reported as ORCH0008.</typeparam>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class DependsOnAttribute<TWorkload> : Attribute
{
    /// <summary>The state the dependency must reach.</summary>
    /// <value>The default value is <see cref="DependencyCondition.Ready"/>.</value>
    public DependencyCondition Condition { get; set; } = DependencyCondition.Ready;
}
