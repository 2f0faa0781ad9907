using AuthingClient.Benchmarks.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace AuthingClient.Benchmarks.Revokers;

/// <summary>
/// (d) The public <see cref="AuthenticationClient.RevokeTokenAsync(string, CancellationToken)"/> as
/// users call it: the client resolved from dependency injection
/// (<c>AddAuthingAuthenticationClient</c>) with default options — OIDC, client_secret_post, three
/// attempts, 10 s per attempt, 30 s overall; no revoked-token registry or observer (both are opt-in).
/// </summary>
public static class LibraryClient
{
    /// <param name="appHost">The server's root (AppHost).</param>
    /// <param name="primaryHandler">Replaces the library's primary handler (e.g. <see cref="OkHandler"/>); <see langword="null"/> keeps the library's own.</param>
    /// <param name="configure">Changes options after the defaults and the fixture's credentials are set.</param>
    /// <param name="configureHttpClient">Changes the HTTP client registration further (experiments only).</param>
    /// <param name="configureServices">Registers services before the client (experiments only, e.g. another revoked-token registry).</param>
    public static ServiceProvider CreateProvider(
        Uri appHost,
        Func<HttpMessageHandler>? primaryHandler = null,
        Action<AuthenticationClientOptions>? configure = null,
        Action<IHttpClientBuilder>? configureHttpClient = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var services = new ServiceCollection();
        configureServices?.Invoke(services);
        var httpClient = services.AddAuthingAuthenticationClient(options =>
        {
            options.AppId = RevocationFixture.AppId;
            options.AppSecret = RevocationFixture.AppSecret;
            options.AppHost = appHost.GetLeftPart(UriPartial.Authority);
            configure?.Invoke(options);
        });
        if (primaryHandler is not null)
        {
            httpClient.ConfigurePrimaryHttpMessageHandler(primaryHandler);
        }

        configureHttpClient?.Invoke(httpClient);
        return services.BuildServiceProvider();
    }
}
