namespace AuthingClient.Resilience;

/// <summary>
/// When a failed attempt gets another one, and how long to wait for it: bounded retries of
/// transient failures (POST is retried on purpose: RFC 7009 revocation is idempotent). Built once
/// per client from validated options; the revocation's one loop of attempts asks this after each one.
/// </summary>
/// <remarks>
/// Modelled on Polly's <c>RetryResilienceStrategy</c> (one loop, one delay generator, a pinnable
/// randomizer), without Polly: the loop is a dozen lines and the success path pays nothing for it.
/// </remarks>
internal sealed class RevocationRetries
{
    // Azure.Core's jitter: each computed delay is scaled by a random factor in [0.8, 1.2).
    private const double JitterLow = 0.8;
    private const double JitterSpread = 0.4;

    private readonly int _maxAttempts;
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;
    private readonly TimeProvider _timeProvider;
    private readonly Func<double> _randomizer;

    public RevocationRetries(AuthenticationClientOptions options, TimeProvider timeProvider)
    {
        _maxAttempts = options.Retry.MaxAttempts;
        _baseDelay = options.Retry.BaseDelay;
        _maxDelay = options.Retry.MaxDelay;
        _timeProvider = timeProvider;
        _randomizer = options.Retry.Randomizer;
        OnRetry = options.Retry.OnRetry;
    }

    /// <summary>The caller's hook, awaited before each retry is sent (<see cref="RevocationRetryOptions.OnRetry"/>).</summary>
    public Func<RevocationRetryArguments, ValueTask>? OnRetry { get; }

    /// <summary>
    /// The wait before the next attempt, or <see langword="null"/> when the outcome of
    /// <paramref name="attempt"/> is final: it is not a transient failure, it was the last attempt
    /// allowed, the server asked for a wait longer than <c>Retry.MaxDelay</c>, or the overall
    /// time-out has passed.
    /// </summary>
    /// <param name="attempt">The attempt that just ended (1-based; the first attempt counts).</param>
    /// <param name="response">Its answer, if it got one.</param>
    /// <param name="failure">Its exception, if it got no answer.</param>
    /// <param name="budget">The revocation's time budget.</param>
    public TimeSpan? DelayBeforeRetry(int attempt, HttpResponseMessage? response, Exception? failure, in TimeBudget budget)
    {
        if (attempt >= _maxAttempts || !TransientFailure.IsTransient(response, failure))
        {
            return null;
        }

        var asked = RetryAfter.Read(response, _timeProvider);

        // A server that asks for a longer wait than we may give is answered at once, not hammered
        // early; once the overall time-out has passed, no attempt is worth starting.
        if (asked > _maxDelay || budget.IsSpent)
        {
            return null;
        }

        // BaseDelay doubled per retry, with jitter, never above MaxDelay.
        return asked ?? Backoff.Exponential(_baseDelay, attempt, _maxDelay, JitterLow + (JitterSpread * _randomizer()));
    }
}
