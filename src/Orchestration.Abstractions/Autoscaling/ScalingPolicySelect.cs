namespace Orchestration;

/// <summary>Which of several <see cref="ScalingPolicy"/>s limits a change.</summary>
public enum ScalingPolicySelect
{
    /// <summary>The policy that allows the largest change.</summary>
    Max,

    /// <summary>The policy that allows the smallest change.</summary>
    Min,

    /// <summary>No change in this direction.</summary>
    Disabled,
}
