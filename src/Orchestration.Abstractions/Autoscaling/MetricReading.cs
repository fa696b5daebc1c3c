using System.Globalization;

namespace Orchestration;

/// <summary>One metric as an autoscaler read it for a decision.</summary>
/// <param name="Name">The metric's name.</param>
/// <param name="Value">The value compared with the target (average utilization in percent, or average per replica);
/// <see langword="null"/> when it was missing.</param>
/// <param name="Target">The target.</param>
/// <param name="Proposal">The replica count this metric proposed; <see langword="null"/> when it was missing.</param>
public sealed record MetricReading(string Name, double? Value, double Target, int? Proposal)
{
    /// <inheritdoc />
    public override string ToString() => Value is { } value
        ? string.Create(CultureInfo.InvariantCulture, $"{Name} {value:0.##} (target {Target:0.##}) proposes {Proposal}")
        : string.Create(CultureInfo.InvariantCulture, $"{Name} missing (target {Target:0.##})");
}
