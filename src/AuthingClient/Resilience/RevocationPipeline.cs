using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AuthingClient.Resilience;

/// <summary>
/// The Polly pipeline around every revocation: an overall time-out, then bounded retries of
/// transient failures (POST is retried on purpose: RFC 7009 revocation is idempotent), then a
/// time-out per attempt. Built once per client from validated options.
/// </summary>
internal static class RevocationPipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Create(AuthenticationClientOptions options, TimeProvider timeProvider)
    {
        var retry = options.Retry;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddTimeout(options.Timeout);

        if (retry.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = retry.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, retry.MaxDelay, timeProvider)),

                // Null falls back to the exponential backoff computed from the options.
                DelayGenerator = args => ValueTask.FromResult(RetryAfter.Read(args.Outcome.Result, timeProvider)),
                OnRetry = args =>
                {
                    if (args.Context.Properties.TryGetValue(RetryObserverKey.Key, out var observer))
                    {
                        observer.OnRetry(new RetryNotice(args.AttemptNumber + 1, args.RetryDelay, (int?)args.Outcome.Result?.StatusCode, args.Outcome.Exception));
                    }

                    return default;
                },
            });
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxDelay, TimeProvider timeProvider) =>
        TransientFailure.IsTransient(outcome)

        // A server that asks for a longer wait than we may give is answered at once, not hammered early.
        && !(RetryAfter.Read(outcome.Result, timeProvider) > maxDelay);
}

/// <summary>What one retry is about to do, for logs and traces.</summary>
/// <param name="FailedAttempt">The attempt that failed (1-based).</param>
/// <param name="Delay">The wait before the next attempt.</param>
/// <param name="StatusCode">The failed attempt's HTTP status, if it got an answer.</param>
/// <param name="Exception">The failed attempt's exception, if it got none.</param>
internal readonly record struct RetryNotice(int FailedAttempt, TimeSpan Delay, int? StatusCode, Exception? Exception)
{
    public bool IsTimeout => Exception is TimeoutRejectedException;
}
