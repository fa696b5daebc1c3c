namespace Orchestration;

/// <summary>How a job runs to completion.</summary>
public sealed record JobSpec
{
    /// <summary>One completion, one at a time, backoff limit 6.</summary>
    public static JobSpec Default { get; } = new();

    /// <summary>Successful replica exits needed for the job to complete.</summary>
    /// <value>The default value is 1.</value>
    public int Completions { get; init; } = 1;

    /// <summary>Replicas running at once.</summary>
    /// <value>The default value is 1.</value>
    public int Parallelism { get; init; } = 1;

    /// <summary>Failed replica runs tolerated before the job is Failed.</summary>
    /// <value>The default value is 6, as in Kubernetes.</value>
    public int BackoffLimit { get; init; } = 6;
}
