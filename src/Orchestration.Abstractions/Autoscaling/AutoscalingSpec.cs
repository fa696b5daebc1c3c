using System.Collections.Immutable;
using System.Text;
using Orchestration.Values;

namespace Orchestration;

/// <summary>How a service scales itself between <see cref="MinReplicas"/> and <see cref="MaxReplicas"/> on metrics,
/// with the algorithm and defaults of Kubernetes' HorizontalPodAutoscaler, and optionally down to zero when idle.</summary>
public sealed record AutoscalingSpec
{
    /// <summary>The fewest replicas; 0 lets an idle service scale to zero (see <see cref="IdlePeriod"/>).</summary>
    /// <value>The default value is 1.</value>
    public int MinReplicas { get; init; } = 1;

    /// <summary>The most replicas.</summary>
    public required int MaxReplicas { get; init; }

    /// <summary>The metrics and their targets; the highest proposal among them wins.</summary>
    public ImmutableArray<MetricTarget> Metrics { get; init; } = [];

    /// <summary>How often metrics are read and a decision is taken.</summary>
    /// <value>The default value is 15 seconds (the HPA's sync period).</value>
    public TimeSpan SyncPeriod { get; init; } = AutoscalingDefaults.SyncPeriod;

    /// <summary>How far the ratio of a metric to its target may be from 1 before it proposes a change.</summary>
    /// <value>The default value is 0.1 (10 %).</value>
    public double Tolerance { get; init; } = AutoscalingDefaults.Tolerance;

    /// <summary>With <see cref="MinReplicas"/> 0: how long the service has had no connection through its service
    /// addresses (none opened, none open) before it scales to zero.</summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan IdlePeriod { get; init; } = AutoscalingDefaults.IdlePeriod;

    /// <summary>How fast it scales up.</summary>
    /// <value>The default value is <see cref="ScalingRules.DefaultScaleUp"/>: no stabilization window; at most 4
    /// replicas or 100 % more per 15 seconds, whichever allows more.</value>
    public ScalingRules ScaleUp { get; init; } = ScalingRules.DefaultScaleUp;

    /// <summary>How fast it scales down.</summary>
    /// <value>The default value is <see cref="ScalingRules.DefaultScaleDown"/>: a 300 s stabilization window; up to
    /// 100 % fewer per 15 seconds.</value>
    public ScalingRules ScaleDown { get; init; } = ScalingRules.DefaultScaleDown;

    /// <summary>Whether <paramref name="other"/> holds the same values: every property equal, collections item by item
    /// and dictionaries entry by entry.</summary>
    public bool Equals(AutoscalingSpec? other)
        => ReferenceEquals(this, other)
           || (other is not null
               && MinReplicas == other.MinReplicas
               && MaxReplicas == other.MaxReplicas
               && ValueEquality.Sequence(Metrics, other.Metrics)
               && SyncPeriod == other.SyncPeriod
               && Tolerance == other.Tolerance
               && IdlePeriod == other.IdlePeriod
               && ScaleUp == other.ScaleUp
               && ScaleDown == other.ScaleDown);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(MinReplicas);
        hash.Add(MaxReplicas);
        hash.Add(ValueEquality.SequenceHash(Metrics));
        hash.Add(SyncPeriod);
        return hash.ToHashCode();
    }

    private bool PrintMembers(StringBuilder builder) => ValueShape.Of(typeof(AutoscalingSpec)).AppendMembers(builder, this);
}
