namespace AuthingClient.Resilience;

/// <summary>
/// When a failed attempt gets another one, and how long to wait for it: bounded retries of
/// transient failures (POST is retried on purpose: RFC 7009 revocation is idempotent). Built once
/// per client from validated options; <see cref="Transport.RevocationCall"/> runs the attempts in
/// one loop and asks this after each one.
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
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _timeProvider;
    private readonly Func<double> _randomizer;

    public RevocationRetries(AuthenticationClientOptions options, TimeProvider timeProvider)
    {
        _maxAttempts = options.Retry.MaxAttempts;
        _baseDelay = options.Retry.BaseDelay;
        _maxDelay = options.Retry.MaxDelay;
        _timeout = options.Timeout;
        _timeProvider = timeProvider;
        _randomizer = options.Retry.Randomizer;
    }

    /// <summary>
    /// The wait before the next attempt, or <see langword="null"/> when the outcome of
    /// <paramref name="attempt"/> is final: it is not a transient failure, it was the last attempt
    /// allowed, the server asked for a wait longer than <c>Retry.MaxDelay</c>, or the overall
    /// time-out has passed.
    /// </summary>
    /// <param name="attempt">The attempt that just ended (1-based; the first attempt counts).</param>
    /// <param name="response">Its answer, if it got one.</param>
    /// <param name="failure">Its exception, if it got no answer.</param>
    /// <param name="startedAt">When the revocation started (a <see cref="TimeProvider"/> timestamp).</param>
    public TimeSpan? DelayBeforeRetry(int attempt, HttpResponseMessage? response, Exception? failure, long startedAt)
    {
        if (attempt >= _maxAttempts || !TransientFailure.IsTransient(response, failure))
        {
            return null;
        }

        var asked = RetryAfter.Read(response, _timeProvider);

        // A server that asks for a longer wait than we may give is answered at once, not hammered
        // early; once the overall time-out has passed, no attempt is worth starting.
        if (asked > _maxDelay || TimeLeft(startedAt) <= TimeSpan.Zero)
        {
            return null;
        }

        return asked ?? Backoff(attempt);
    }

    /// <summary>The overall time-out minus the time spent since <paramref name="startedAt"/>; zero or less when it has passed.</summary>
    public TimeSpan TimeLeft(long startedAt) => _timeout - _timeProvider.GetElapsedTime(startedAt);

    /// <summary><c>BaseDelay</c> doubled per retry, with jitter, never above <c>MaxDelay</c>.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var exponential = _baseDelay.Ticks * Math.Pow(2, attempt - 1);
        var jittered = exponential * (JitterLow + (JitterSpread * _randomizer()));
        return TimeSpan.FromTicks((long)Math.Round(Math.Min(jittered, _maxDelay.Ticks)));
    }
}
