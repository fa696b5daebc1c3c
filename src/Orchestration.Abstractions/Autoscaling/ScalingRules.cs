using System.Collections.Immutable;
using System.Text;
using Orchestration.Values;

namespace Orchestration;

/// <summary>The stabilization window and rate policies of one direction (the HPA's <c>behavior.scaleUp</c> or
/// <c>behavior.scaleDown</c>).</summary>
public sealed record ScalingRules
{
    /// <summary>The HPA's scale-up default: no window; 4 replicas or 100 % per 15 s, the larger.</summary>
    public static ScalingRules DefaultScaleUp { get; } = new()
    {
        StabilizationWindow = AutoscalingDefaults.ScaleUpWindow,
        Policies = [ScalingPolicy.Percent(100, AutoscalingDefaults.PolicyPeriod), ScalingPolicy.Replicas(4, AutoscalingDefaults.PolicyPeriod)],
    };

    /// <summary>The HPA's scale-down default: a 300 s window; 100 % per 15 s.</summary>
    public static ScalingRules DefaultScaleDown { get; } = new()
    {
        StabilizationWindow = AutoscalingDefaults.ScaleDownWindow,
        Policies = [ScalingPolicy.Percent(100, AutoscalingDefaults.PolicyPeriod)],
    };

    /// <summary>Recommendations of this long ago still count: scaling up takes the lowest of them, scaling down the
    /// highest, so a short spike or dip does not move the count.</summary>
    public TimeSpan StabilizationWindow { get; init; }

    /// <summary>How much may change per period.</summary>
    public ImmutableArray<ScalingPolicy> Policies { get; init; } = [];

    /// <summary>Which policy applies when there are several.</summary>
    /// <value>The default value is <see cref="ScalingPolicySelect.Max"/>.</value>
    public ScalingPolicySelect Select { get; init; } = ScalingPolicySelect.Max;

    /// <summary>Whether <paramref name="other"/> holds the same values: every property equal, collections item by item
    /// and dictionaries entry by entry.</summary>
    public bool Equals(ScalingRules? other)
        => ReferenceEquals(this, other)
           || (other is not null
               && StabilizationWindow == other.StabilizationWindow
               && ValueEquality.Sequence(Policies, other.Policies)
               && Select == other.Select);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(StabilizationWindow);
        hash.Add(ValueEquality.SequenceHash(Policies));
        hash.Add(Select);
        return hash.ToHashCode();
    }

    private bool PrintMembers(StringBuilder builder) => ValueShape.Of(typeof(ScalingRules)).AppendMembers(builder, this);
}
