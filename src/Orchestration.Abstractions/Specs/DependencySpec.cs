namespace Orchestration;

/// <summary>The state a dependency must reach before a dependant starts.</summary>
public enum DependencyCondition
{
    /// <summary>At least one replica of the dependency is Ready.</summary>
    Ready,

    /// <summary>The dependency, a job, has completed.</summary>
    Completed,
}

/// <summary>A workload that must reach a state before this one starts.</summary>
/// <param name="Workload">Name of the workload depended on.</param>
/// <param name="Condition">State it must reach.</param>
public sealed record DependencySpec(string Workload, DependencyCondition Condition = DependencyCondition.Ready);
