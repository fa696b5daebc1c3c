namespace Orchestration;

/// <summary>What a <see cref="ScalingPolicy"/> counts.</summary>
public enum ScalingPolicyType
{
    /// <summary>A number of replicas.</summary>
    Replicas,

    /// <summary>A percentage of the replicas at the start of the period.</summary>
    Percent,
}
