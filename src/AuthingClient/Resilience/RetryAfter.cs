namespace AuthingClient.Resilience;

/// <summary>Reads <c>Retry-After</c> in both forms RFC 9110 §10.2.3 allows.</summary>
internal static class RetryAfter
{
    /// <summary>The wait the server asked for, or <see langword="null"/> when it asked for none.</summary>
    public static TimeSpan? Read(HttpResponseMessage? response, TimeProvider timeProvider)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
