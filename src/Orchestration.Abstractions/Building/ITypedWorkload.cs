namespace Orchestration;

/// <summary>A workload declared as a C# type. The source generator implements this on every <c>[Workload]</c>
/// partial class, so the spec is built once, without reflection, and is trimming- and AOT-safe.</summary>
public interface ITypedWorkload
{
    /// <summary>The workload's spec.</summary>
    static abstract WorkloadSpec Spec { get; }
}
