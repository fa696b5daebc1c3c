namespace Orchestration;

/// <summary>How the scheduler scores nodes for the workload.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class PlacementAttribute : Attribute
{
    /// <summary>Scores nodes with <paramref name="strategy"/>.</summary>
    public PlacementAttribute(PlacementStrategy strategy)
    {
        Strategy = strategy;
    }

    /// <summary>How nodes that fit are scored.</summary>
    public PlacementStrategy Strategy { get; }

    /// <summary>A hard limit on how much per-node replica counts may differ; no limit when not set.</summary>
    public int MaxSkew { get; set; }
}
