namespace Orchestration.Scheduling.Plugins;

/// <summary>Rejects nodes whose unreserved CPU or memory is less than the replica's request.</summary>
internal sealed class ResourcesFitFilter : IFilterPlugin
{
    public string Name => "ResourcesFit";

    public bool Filter(in PlacementRequest request, ISchedulerNode node) => node.Fits(request);
}
