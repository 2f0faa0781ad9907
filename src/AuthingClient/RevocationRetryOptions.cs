namespace AuthingClient;

/// <summary>
/// How transient failures are retried. Revocation is idempotent (RFC 7009), so resending a
/// revocation is safe: 408, 429, 500, 502, 503, 504, connection failures, broken responses and
/// attempt time-outs are retried with exponential backoff and jitter, honouring
/// <c>Retry-After</c>. Other answers (4xx, 3xx) are never retried.
/// </summary>
public sealed class RevocationRetryOptions
{
    /// <summary>
    /// The most HTTP attempts per revocation, including the first. Default 3; <c>1</c> turns retries off.
    /// </summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The delay before the first retry; later retries double it, with jitter. Default 500 ms.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest wait before a retry, whether computed or asked for by <c>Retry-After</c>.
    /// A server that asks for a longer wait is not retried: the failure is reported at once.
    /// Default 30 seconds.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Awaited before each retry is sent, once the wait before it is over (the way Polly's
    /// <c>RetryStrategyOptions.OnRetry</c> tells about retries): for logging, or to hold a retry
    /// back, e.g. to keep a request rate shared with other work. The time it takes counts against
    /// <see cref="AuthenticationClientOptions.Timeout"/>, not against the retry's
    /// <see cref="AuthenticationClientOptions.AttemptTimeout"/>. An exception it throws ends the
    /// revocation with that exception, so it should throw only when
    /// <see cref="RevocationRetryArguments.CancellationToken"/> is cancelled. <see langword="null"/>
    /// (the default) for none. Set in code; not bound from configuration.
    /// </summary>
    public Func<RevocationRetryArguments, ValueTask>? OnRetry { get; set; }

    /// <summary>
    /// The jitter's source, a number in [0, 1); tests pin it to assert exact delays (as Polly's
    /// own tests do with <c>RetryStrategyOptions.Randomizer</c>). Not bound from configuration.
    /// </summary>
    internal Func<double> Randomizer { get; set; } = Random.Shared.NextDouble;
}
