namespace Orchestration;

/// <summary>A rate limit: at most <see cref="Value"/> replicas, or percent of the count at the start of the period,
/// added (or removed) within any <see cref="Period"/>.</summary>
/// <param name="Type">Replicas or percent.</param>
/// <param name="Value">How many replicas, or what percent.</param>
/// <param name="Period">The sliding period.</param>
public sealed record ScalingPolicy(ScalingPolicyType Type, int Value, TimeSpan Period)
{
    /// <summary>At most <paramref name="count"/> replicas per <paramref name="period"/>.</summary>
    public static ScalingPolicy Replicas(int count, TimeSpan period) => new(ScalingPolicyType.Replicas, count, period);

    /// <summary>At most <paramref name="percent"/> % of the replicas at the period's start per <paramref name="period"/>.</summary>
    public static ScalingPolicy Percent(int percent, TimeSpan period) => new(ScalingPolicyType.Percent, percent, period);

    /// <inheritdoc />
    public override string ToString()
        => Type == ScalingPolicyType.Percent ? $"{Value} % per {Period.TotalSeconds:0.###} s" : $"{Value} replicas per {Period.TotalSeconds:0.###} s";
}
