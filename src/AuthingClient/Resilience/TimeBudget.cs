namespace AuthingClient.Resilience;

/// <summary>
/// The time one revocation may take, counted from its start on the client's clock: the overall
/// <c>Timeout</c>, and each attempt's share of it (<c>AttemptTimeout</c>, cut to what is left).
/// The one place both are computed: the retry decision, the wait before a retry and the attempt
/// deadline all ask it. Started by <see cref="TimeLimits.Start"/>.
/// </summary>
internal readonly struct TimeBudget
{
    private readonly TimeLimits _limits;

    internal TimeBudget(TimeLimits limits, long startedAt)
    {
        _limits = limits;
        StartedAt = startedAt;
    }

    /// <summary>When the revocation started, a timestamp of the client's clock.</summary>
    public long StartedAt { get; }

    /// <summary>The time spent since the revocation started.</summary>
    public TimeSpan Elapsed => _limits.TimeProvider.GetElapsedTime(StartedAt);

    /// <summary>Whether the overall time-out has passed: no attempt is worth starting.</summary>
    public bool IsSpent => Elapsed >= _limits.Timeout;

    /// <summary>Whether a wait of <paramref name="delay"/> would end before the overall time-out.</summary>
    public bool Allows(TimeSpan delay) => delay < _limits.Timeout - Elapsed;

    /// <summary>
    /// The budget of attempt number <paramref name="attempt"/>, starting now: <c>AttemptTimeout</c>,
    /// or what is left of the overall time-out when that is less. Zero or less when nothing is left.
    /// </summary>
    public AttemptBudget ForAttempt(int attempt)
    {
        // The first attempt starts as the revocation does: no need to read the clock for it.
        var time = _limits.TimeProvider;
        var startedAt = attempt == 1 ? StartedAt : time.GetTimestamp();
        var left = _limits.Timeout - time.GetElapsedTime(StartedAt, startedAt);
        return left <= _limits.AttemptTimeout
            ? new AttemptBudget(left, startedAt, EndsWithTheRevocation: true)
            : new AttemptBudget(_limits.AttemptTimeout, startedAt, EndsWithTheRevocation: false);
    }
}

/// <summary>The time one attempt may take.</summary>
/// <param name="Length">How long, from <paramref name="StartedAt"/>; zero or less when the overall time-out has passed.</param>
/// <param name="StartedAt">When the attempt started, a timestamp of the client's clock.</param>
/// <param name="EndsWithTheRevocation">Whether the overall time-out, not <c>AttemptTimeout</c>, ends it (it then cannot be retried).</param>
internal readonly record struct AttemptBudget(TimeSpan Length, long StartedAt, bool EndsWithTheRevocation);
