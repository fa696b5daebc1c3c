namespace Orchestration;

/// <summary>The state a dependency must reach before a dependant starts.</summary>
public enum DependencyCondition
{
    /// <summary>At least one replica of the dependency is Ready.</summary>
    Ready,

    /// <summary>The dependency, a job, has completed.</summary>
    Completed,
}

/// <summary>A workload that must reach a state before this one starts. A value: equal to another with the same
/// workload and condition.</summary>
/// <param name="workload">Name of the workload depended on.</param>
/// <param name="condition">State it must reach.</param>
public sealed class DependencySpec(string workload, DependencyCondition condition = DependencyCondition.Ready) : Snapshot
{
    /// <summary>Name of the workload depended on.</summary>
    public string Workload { get; private init; } = workload;

    /// <summary>State it must reach.</summary>
    public DependencyCondition Condition { get; private init; } = condition;
}
