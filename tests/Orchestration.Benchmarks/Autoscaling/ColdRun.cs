namespace Orchestration.Benchmarks.Autoscaling;

/// <summary>One cold start: milliseconds from opening the connection to the end of the response, and to each step on
/// the way (NaN for a step that was not seen).</summary>
internal sealed record ColdRun(double Response, double Scaled, double Placed, double Running, double Ready);
