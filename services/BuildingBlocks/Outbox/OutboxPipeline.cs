using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Accreditation.BuildingBlocks.Outbox;

/// <summary>The resilience pipeline around one publish: retry with jittered exponential backoff, a circuit breaker, a per-attempt timeout. A refusal for good (<see cref="PublishRefusedException"/>) is not retried.</summary>
public static class OutboxPipeline
{
    public const string Name = "outbox-publish";

    public static ResiliencePipeline Build(OutboxOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var transient = new PredicateBuilder().Handle<Exception>(e => e is not (OperationCanceledException or PublishRefusedException));
        return new ResiliencePipelineBuilder { Name = Name, TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(10),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = options.CircuitFailureRatio,
                MinimumThroughput = options.CircuitMinimumThroughput,
                SamplingDuration = options.CircuitSamplingDuration,
                BreakDuration = options.CircuitBreakDuration,
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }
}
