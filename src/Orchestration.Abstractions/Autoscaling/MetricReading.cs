using System.Globalization;

namespace Orchestration;

/// <summary>One metric as an autoscaler read it for a decision.</summary>
/// <param name="name">The metric's name.</param>
/// <param name="value">The value compared with the target (average utilization in percent, or average per replica);
/// <see langword="null"/> when it was missing.</param>
/// <param name="target">The target.</param>
/// <param name="proposal">The replica count this metric proposed; <see langword="null"/> when it was missing.</param>
public sealed class MetricReading(string name, double? value, double target, int? proposal) : Snapshot
{
    /// <summary>The metric's name.</summary>
    public string Name { get; private init; } = name;

    /// <summary>The value compared with the target (average utilization in percent, or average per replica);
    /// <see langword="null"/> when it was missing.</summary>
    public double? Value { get; private init; } = value;

    /// <summary>The target.</summary>
    public double Target { get; private init; } = target;

    /// <summary>The replica count this metric proposed; <see langword="null"/> when it was missing.</summary>
    public int? Proposal { get; private init; } = proposal;

    /// <inheritdoc />
    public override string ToString() => Value is { } reading
        ? string.Create(CultureInfo.InvariantCulture, $"{Name} {reading:0.##} (target {Target:0.##}) proposes {Proposal}")
        : string.Create(CultureInfo.InvariantCulture, $"{Name} missing (target {Target:0.##})");
}
