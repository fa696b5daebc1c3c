namespace Orchestration.InMemory;

/// <summary>How the simulated containers of an image behave once running.</summary>
/// <param name="RunFor">How long the process runs before it exits; <see langword="null"/> runs until stopped.</param>
/// <param name="ExitCode">The code it exits with after <paramref name="RunFor"/>.</param>
public sealed record ImageBehavior(TimeSpan? RunFor, int ExitCode = 0)
{
    /// <summary>Runs until stopped.</summary>
    public static ImageBehavior Forever { get; } = new((TimeSpan?)null);
}
