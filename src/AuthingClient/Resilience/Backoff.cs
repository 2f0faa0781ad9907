namespace AuthingClient.Resilience;

/// <summary>
/// The one back-off shape of the library and the packages shipped with it: a delay doubled per
/// retry, never above a cap. The revocation's retries scale it by jitter; the Redis replica's
/// reconnect and publish loops use it as it is.
/// </summary>
internal static class Backoff
{
    /// <summary>
    /// The delay before retry number <paramref name="retry"/>: <paramref name="first"/> doubled
    /// <paramref name="retry"/> − 1 times and scaled by <paramref name="jitter"/>, never above <paramref name="cap"/>.
    /// </summary>
    /// <param name="first">The delay before the first retry.</param>
    /// <param name="retry">Which retry (1 for the first).</param>
    /// <param name="cap">The longest delay.</param>
    /// <param name="jitter">A factor applied before the cap (1 for none).</param>
    public static TimeSpan Exponential(TimeSpan first, int retry, TimeSpan cap, double jitter = 1)
    {
        var delay = first.Ticks * Math.Pow(2, retry - 1) * jitter;
        return TimeSpan.FromTicks((long)Math.Round(Math.Min(delay, cap.Ticks)));
    }

    /// <summary>The delay after <paramref name="previous"/>: doubled, never above <paramref name="cap"/>.</summary>
    public static TimeSpan Doubled(TimeSpan previous, TimeSpan cap) => Exponential(previous, retry: 2, cap);
}
