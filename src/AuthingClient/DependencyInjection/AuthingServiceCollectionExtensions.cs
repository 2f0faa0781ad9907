using AuthingClient;
using AuthingClient.Configuration;
using AuthingClient.Contract;
using AuthingClient.Revocation;
using AuthingClient.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

// The conventional namespace for IServiceCollection extensions, so they show up without a using.
#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers <see cref="AuthenticationClient"/> with dependency injection.</summary>
public static class AuthingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AuthenticationClient"/> with settings read from a configuration
    /// section (usually <c>configuration.GetSection("Authing")</c>), validated at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <c>AppId</c>, <c>AppSecret</c>, <c>AppHost</c>, <c>Protocol</c>, <c>RevocationEndPointAuthMethod</c>, <c>AllowInsecureHttp</c>, <c>RevokedTokenMarking</c>.</param>
    /// <returns>A builder to add revocation observers, configure the revoked-token registry, and add handlers or change settings of the underlying HTTP client.</returns>
    public static AuthingClientBuilder AddAuthingAuthenticationClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddAuthingAuthenticationClient(options => AuthenticationClientOptionsReader.Read(configuration, options));
    }

    /// <summary>
    /// Registers <see cref="AuthenticationClient"/> with settings set in code, validated at start-up.
    /// Every revocation marks the registered <see cref="IRevokedTokenRegistry"/>, if there is one
    /// (<see cref="RevokedTokenRegistryServiceCollectionExtensions.AddAuthingRevokedTokenRegistry"/>,
    /// <c>AddAuthingRevocationCheck</c>), and tells every registered <see cref="IRevocationObserver"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to add revocation observers, configure the revoked-token registry, and add handlers or change settings of the underlying HTTP client.</returns>
    public static AuthingClientBuilder AddAuthingAuthenticationClient(this IServiceCollection services, Action<AuthenticationClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<AuthenticationClientOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthenticationClientOptions>>(AuthenticationClientOptionsValidator.Instance));

        // One client per container: it is thread-safe, and a disposable transient resolved from the
        // root provider would be kept alive until the provider is disposed. Holding one typed
        // HttpClient for the client's lifetime is safe because the primary handler recycles its
        // connections (PooledConnectionLifetime), so DNS changes are still seen.
        services.TryAddSingleton(provider => new AuthenticationClient(
            provider.GetRequiredService<IAuthingRevocationApi>(),
            // IOptions<>.Value has run AuthenticationClientOptionsValidator (registered above).
            RevocationSettings.FromValidated(
                provider.GetRequiredService<IOptions<AuthenticationClientOptions>>().Value,
                provider.GetService<ILoggerFactory>(),
                provider.GetService<TimeProvider>(),
                provider.GetServices<IRevocationObserver>(),
                provider.GetService<IRevokedTokenRegistry>())));

        return new AuthingClientBuilder(services
            .AddRefitGeneratedClient<IAuthingRevocationApi>(AuthingHttp.CreateRefitSettings())
            .ConfigureHttpClient((provider, http) =>
            {
                http.BaseAddress = AuthingHttp.BaseAddress(provider.GetRequiredService<IOptions<AuthenticationClientOptions>>().Value);

                // Time-outs belong to the resilience pipeline (per attempt and overall).
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(AuthingHttp.CreatePrimaryHandler)

            // The factory's per-request loggers format the URI on every call even when no logger
            // listens (+1.6 µs, +496 B per call, docs/performance.md); the client's own
            // RevocationFinished event reports status and duration. Re-add with AddDefaultLogger().
            .RemoveAllLoggers());
    }
}
