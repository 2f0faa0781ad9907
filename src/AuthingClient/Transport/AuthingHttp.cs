using Refit;

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

    // Time-outs belong to the revocation's time budget (per attempt and overall), not to HttpClient.
    public static HttpClient CreateStandaloneClient(AuthenticationClientOptions options) =>
        new(CreatePrimaryHandler(), disposeHandler: true) { BaseAddress = BaseAddress(options), Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>
    /// Sends through a caller's <see cref="HttpClient"/> without changing it: the caller may have
    /// used it already (its BaseAddress is then frozen) or may use it for other hosts. Requests
    /// leave with absolute URIs built from AppHost, so the caller's BaseAddress plays no part.
    /// </summary>
    public static HttpClient OverCallerClient(HttpClient callerClient, AuthenticationClientOptions options) =>
        new(new CallerClientHandler(callerClient), disposeHandler: true) { BaseAddress = BaseAddress(options), Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>
    /// Refit settings shared by every client: transport exceptions surface as themselves (not
    /// wrapped in Refit's ApiRequestException, which carries the request — and so the token —
    /// along), so the retry decision recognises them and nothing secret rides on them.
    /// </summary>
    public static RefitSettings CreateRefitSettings() => new()
    {
        TransportExceptionFactory = static (_, exception, _) => exception,
    };

    public static Uri BaseAddress(AuthenticationClientOptions options) => new(options.AppHost!, UriKind.Absolute);
}

/// <summary>Hands each request to the caller's <see cref="HttpClient"/> (its handlers, headers and policies apply).</summary>
internal sealed class CallerClientHandler(HttpClient callerClient) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // HttpClient refuses a message another HttpClient has already sent, so hand over a copy.
        // The copy shares the content and is not disposed here: the original owns the content.
        var forwarded = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Content = request.Content,
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var header in request.Headers)
        {
            forwarded.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return callerClient.SendAsync(forwarded, cancellationToken);
    }
}
