using System.Text.Json.Serialization;

namespace Orchestration;

/// <summary>A rate limit: at most <see cref="Value"/> replicas, or percent of the count at the start of the period,
/// added (or removed) within any <see cref="Period"/>.
/// Made by <see cref="Replicas"/> or <see cref="Percent"/>; a value: equal to another with the same type, value and
/// period.</summary>
public sealed class ScalingPolicy : Snapshot
{
    // The leader-election journal reads specs back from JSON through this constructor.
    [JsonConstructor]
    private ScalingPolicy(ScalingPolicyType type, int value, TimeSpan period)
    {
        Type = type;
        Value = value;
        Period = period;
    }

    /// <summary>Replicas or percent.</summary>
    public ScalingPolicyType Type { get; private init; }

    /// <summary>How many replicas, or what percent.</summary>
    public int Value { get; private init; }

    /// <summary>The sliding period.</summary>
    public TimeSpan Period { get; private init; }

    /// <summary>At most <paramref name="count"/> replicas per <paramref name="period"/>.</summary>
    public static ScalingPolicy Replicas(int count, TimeSpan period) => new(ScalingPolicyType.Replicas, count, period);

    /// <summary>At most <paramref name="percent"/> % of the replicas at the period's start per <paramref name="period"/>.</summary>
    public static ScalingPolicy Percent(int percent, TimeSpan period) => new(ScalingPolicyType.Percent, percent, period);

    /// <inheritdoc />
    public override string ToString()
        => Type == ScalingPolicyType.Percent ? $"{Value} % per {Period.TotalSeconds:0.###} s" : $"{Value} replicas per {Period.TotalSeconds:0.###} s";
}
