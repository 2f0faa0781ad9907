using Polly;

namespace AuthingClient.Resilience;

/// <summary>Hears about each retry of the revocation it is attached to (through the Polly context).</summary>
internal interface IRetryObserver
{
    void OnRetry(RetryNotice notice);
}

internal static class RetryObserverKey
{
    public static readonly ResiliencePropertyKey<IRetryObserver> Key = new("AuthingClient.RetryObserver");
}
