namespace Orchestration.Generators.Model;

/// <summary>A probe. <see cref="Target"/> is "Startup", "Readiness" or "Liveness"; <see cref="Kind"/> is "Http",
/// "Tcp" or "Exec". Timings are in seconds, unset when not declared.</summary>
internal sealed record ProbeModel(
    string Target,
    string Kind,
    string? Port,
    string? Path,
    EquatableArray<string> Command,
    double? InitialDelaySeconds,
    double? PeriodSeconds,
    double? TimeoutSeconds,
    int? SuccessThreshold,
    int? FailureThreshold);
