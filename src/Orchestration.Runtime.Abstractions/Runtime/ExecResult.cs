namespace Orchestration.Runtime;

/// <summary>The outcome of a command run inside a container.</summary>
/// <param name="ExitCode">Exit code; <see langword="null"/> when it timed out.</param>
/// <param name="Output">What it wrote, stdout and stderr, possibly truncated.</param>
/// <param name="TimedOut">Whether it ran past its timeout.</param>
public sealed record ExecResult(int? ExitCode, string Output, bool TimedOut);
