namespace Orchestration.Generators;

/// <summary>Names of the pipeline steps, which tests read to prove that unrelated edits are served from the cache.</summary>
internal static class TrackingNames
{
    public const string Workloads = nameof(Workloads);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Emittable = nameof(Emittable);
    public const string GraphNodes = nameof(GraphNodes);
    public const string Cycles = nameof(Cycles);
}
