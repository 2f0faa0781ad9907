using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AuthingClient.Resilience;

/// <summary>
/// The Polly pipeline around every revocation: bounded retries of transient failures (POST is
/// retried on purpose: RFC 7009 revocation is idempotent). Built once per client from validated
/// options.
/// </summary>
/// <remarks>
/// The time-outs are not Polly strategies: each attempt runs under an <see cref="AttemptDeadline"/>
/// whose budget is the attempt time-out or the time left of the overall time-out, whichever is
/// shorter. Two time-out strategies cost two more async layers, two timers and two token links
/// per call (docs/performance.md); one pooled deadline per attempt does the same job.
/// </remarks>
internal static class RevocationPipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Create(AuthenticationClientOptions options, TimeProvider timeProvider)
    {
        var retry = options.Retry;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (retry.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = retry.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    ShouldRetry(args.Outcome, retry.MaxDelay, timeProvider)

                    // Once the overall time-out has passed, no attempt is worth starting.
                    && args.Context.Properties.GetValue(RetryObserverKey.Key, null!).TimeLeft > TimeSpan.Zero),

                // Null falls back to the exponential backoff computed from the options.
                DelayGenerator = args => ValueTask.FromResult(RetryAfter.Read(args.Outcome.Result, timeProvider)),
                OnRetry = args =>
                {
                    var attempts = args.Context.Properties.GetValue(RetryObserverKey.Key, null!);
                    var notice = new RetryNotice(args.AttemptNumber + 1, args.RetryDelay, (int?)args.Outcome.Result?.StatusCode, args.Outcome.Exception);
                    if (args.RetryDelay >= attempts.TimeLeft)
                    {
                        // Waiting would only run into the overall time-out: end the call now.
                        // Polly disposes a retried result only after OnRetry, so dispose it here.
                        args.Outcome.Result?.Dispose();
                        const string Message = "The wait before the next attempt would end after the overall time-out.";
                        throw args.Outcome.Exception is { } failure
                            ? new TimeoutRejectedException(Message, options.Timeout, failure)
                            : new TimeoutRejectedException(Message, options.Timeout);
                    }

                    attempts.OnRetry(notice);
                    return default;
                },
            });
        }

        return builder.Build();
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
