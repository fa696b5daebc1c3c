using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Orchestration.Runtime.Docker.Resilience;

/// <summary>Builds the pipeline around single engine calls of one node: retries with exponential backoff and jitter
/// for transient failures, a circuit breaker so a dead engine fails fast, and a timeout per attempt. Streams
/// (events, pulls, builds, exec output) are not run through it; they carry their own deadlines.</summary>
internal static class EngineCallPipeline
{
    /// <summary>Overrides the per-attempt timeout of one call, such as a stop that waits for a grace period.</summary>
    public static readonly ResiliencePropertyKey<TimeSpan> AttemptTimeout = new("orchestration.docker.attempt-timeout");

    public static ResiliencePipeline Create(DockerRuntimeOptions options, TimeProvider timeProvider)
    {
        var shouldHandle = new PredicateBuilder().Handle<Exception>(TransientFailures.IsTransient);
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = shouldHandle,
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }

        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = shouldHandle,
                FailureRatio = 0.5,
                MinimumThroughput = 8,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = options.CircuitBreakDuration,
            })
            .AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(
                    args.Context.Properties.GetValue(AttemptTimeout, options.CallTimeout)),
            })
            .Build();
    }
}
