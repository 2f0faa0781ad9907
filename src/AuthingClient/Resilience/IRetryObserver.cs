using Polly;

namespace AuthingClient.Resilience;

/// <summary>
/// The revocation a retry belongs to (attached through the Polly context): says how much of the
/// overall time-out is left and hears about each retry.
/// </summary>
internal interface IRetryObserver
{
    /// <summary>The overall time-out minus the time spent so far; zero or less when it has passed.</summary>
    TimeSpan TimeLeft { get; }

    void OnRetry(RetryNotice notice);
}

internal static class RetryObserverKey
{
    public static readonly ResiliencePropertyKey<IRetryObserver> Key = new("AuthingClient.RetryObserver");
}
