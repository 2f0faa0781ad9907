namespace AuthingClient.Transport;

/// <summary>The HTTP plumbing every client shares, with or without dependency injection.</summary>
internal static class AuthingHttp
{
    /// <summary>
    /// The primary handler: redirects are never followed (a 307 would re-send the secret and the
    /// token to wherever it points), and pooled connections are recycled so DNS changes are seen.
    /// </summary>
    public static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    // Time-outs belong to the resilience pipeline (per attempt and overall), not to HttpClient.
    public static HttpClient CreateStandaloneClient(AuthenticationClientOptions options) =>
        new(CreatePrimaryHandler(), disposeHandler: true) { BaseAddress = BaseAddress(options), Timeout = Timeout.InfiniteTimeSpan };

    public static HttpClient WithBaseAddress(HttpClient httpClient, AuthenticationClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        httpClient.BaseAddress ??= BaseAddress(options);
        return httpClient;
    }

    public static Uri BaseAddress(AuthenticationClientOptions options) => new(options.AppHost!, UriKind.Absolute);
}
