namespace Orchestration.Scheduling;

/// <summary>A hard rule: a node a filter rejects never receives the replica. Filters run for every node the
/// scheduler considers, so they must be fast and must not allocate. Register one with
/// <c>AddSchedulerPlugin&lt;T&gt;()</c>; the built-in filters run first.</summary>
public interface IFilterPlugin
{
    /// <summary>Short name shown in pending reasons ("3 rejected by <c>Name</c>").</summary>
    string Name { get; }

    /// <summary>Whether <paramref name="node"/> may take <paramref name="request"/>.</summary>
    bool Filter(in PlacementRequest request, ISchedulerNode node);
}
