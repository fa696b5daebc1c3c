namespace Orchestration.Scheduling;

/// <summary>A preference among the nodes that passed every filter. The scheduler rescales each plugin's raw scores
/// over the candidates to 0-100 (the lowest gets 0, the highest 100), multiplies by <see cref="Weight"/>, adds the
/// plugins up and takes the highest total. Must be fast and must not allocate.</summary>
public interface IScorePlugin
{
    /// <summary>Short name, for diagnostics.</summary>
    string Name { get; }

    /// <summary>How much this plugin counts against the others; zero disables it.</summary>
    int Weight { get; }

    /// <summary>The raw score of <paramref name="node"/> for <paramref name="request"/>: higher is better.</summary>
    long Score(in PlacementRequest request, ISchedulerNode node);
}
