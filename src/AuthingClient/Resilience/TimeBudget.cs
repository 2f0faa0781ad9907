namespace AuthingClient.Resilience;

/// <summary>
/// The time one revocation may take, counted from its start on the client's clock: the overall
/// <c>Timeout</c>, and each attempt's share of it (<c>AttemptTimeout</c>, cut to what is left).
/// The one place both are computed: the retry decision, the wait before a retry and the attempt
/// deadline all ask it.
/// </summary>
internal readonly struct TimeBudget
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _attemptTimeout;

    private TimeBudget(TimeProvider time, TimeSpan timeout, TimeSpan attemptTimeout)
    {
        _time = time;
        _timeout = timeout;
        _attemptTimeout = attemptTimeout;
        StartedAt = time.GetTimestamp();
    }

    /// <summary>When the revocation started, a timestamp of the client's clock.</summary>
    public long StartedAt { get; }

    /// <summary>The time spent since the revocation started.</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(StartedAt);

    /// <summary>Whether the overall time-out has passed: no attempt is worth starting.</summary>
    public bool IsSpent => Elapsed >= _timeout;

    /// <summary>Starts the budget of a revocation now.</summary>
    /// <param name="time">The client's clock.</param>
    /// <param name="timeout">The whole revocation's time-out, retries and waits included.</param>
    /// <param name="attemptTimeout">One attempt's time-out.</param>
    public static TimeBudget Start(TimeProvider time, TimeSpan timeout, TimeSpan attemptTimeout) => new(time, timeout, attemptTimeout);

    /// <summary>Whether a wait of <paramref name="delay"/> would end before the overall time-out.</summary>
    public bool Allows(TimeSpan delay) => delay < _timeout - Elapsed;

    /// <summary>
    /// The budget of attempt number <paramref name="attempt"/>, starting now: <c>AttemptTimeout</c>,
    /// or what is left of the overall time-out when that is less. Zero or less when nothing is left.
    /// </summary>
    public AttemptBudget ForAttempt(int attempt)
    {
        // The first attempt starts as the revocation does: no need to read the clock for it.
        var startedAt = attempt == 1 ? StartedAt : _time.GetTimestamp();
        var left = _timeout - _time.GetElapsedTime(StartedAt, startedAt);
        return left <= _attemptTimeout
            ? new AttemptBudget(left, startedAt, EndsWithTheRevocation: true)
            : new AttemptBudget(_attemptTimeout, startedAt, EndsWithTheRevocation: false);
    }
}

/// <summary>The time one attempt may take.</summary>
/// <param name="Length">How long, from <paramref name="StartedAt"/>; zero or less when the overall time-out has passed.</param>
/// <param name="StartedAt">When the attempt started, a timestamp of the client's clock.</param>
/// <param name="EndsWithTheRevocation">Whether the overall time-out, not <c>AttemptTimeout</c>, ends it (it then cannot be retried).</param>
internal readonly record struct AttemptBudget(TimeSpan Length, long StartedAt, bool EndsWithTheRevocation);
