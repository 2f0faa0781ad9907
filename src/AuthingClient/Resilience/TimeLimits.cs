namespace AuthingClient.Resilience;

/// <summary>
/// A client's time limits, from validated options: the whole revocation's <c>Timeout</c> and one
/// attempt's <c>AttemptTimeout</c>, on the client's clock. Each revocation starts its own
/// <see cref="TimeBudget"/> from them.
/// </summary>
internal sealed class TimeLimits(TimeProvider timeProvider, TimeSpan timeout, TimeSpan attemptTimeout)
{
    public TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>The whole revocation's time-out, retries and waits included.</summary>
    public TimeSpan Timeout { get; } = timeout;

    /// <summary>One attempt's time-out (cut to what is left of <see cref="Timeout"/>).</summary>
    public TimeSpan AttemptTimeout { get; } = attemptTimeout;

    /// <summary>Starts the budget of a revocation now.</summary>
    public TimeBudget Start() => new(this, TimeProvider.GetTimestamp());
}
