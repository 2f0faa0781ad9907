using AuthingClient;
using AuthingClient.Configuration;
using AuthingClient.Contract;
using AuthingClient.Propagation;
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

/// <summary>
/// Registers <see cref="AuthenticationClient"/> with dependency injection: one unnamed client, and
/// any number of keyed clients (one per Authing application, tenant or user pool); and the
/// revoked-token registry they mark and local validators consult.
/// </summary>
/// <remarks>
/// Calling a registration again for the same client (unnamed, or the same name) adds to its
/// configuration rather than adding a client: every configuration runs in order, so a setting the
/// later one sets wins, and there is still one client.
/// </remarks>
public static class AuthingServiceCollectionExtensions
{
    /// <summary>The unnamed client's options name (the options' default name).</summary>
    private static readonly string Unnamed = Microsoft.Extensions.Options.Options.DefaultName;

    /// <summary>
    /// Registers <see cref="AuthenticationClient"/> with settings read from a configuration
    /// section (usually <c>configuration.GetSection("Authing")</c>), validated at start-up.
    /// </summary>
    /// <remarks>
    /// The section is bound by the configuration-binding source generator (no reflection, trim/AOT-safe).
    /// <c>Protocol</c>, <c>RevocationEndPointAuthMethod</c> and <c>RevokedTokenMarking</c> take the OAuth
    /// names (<c>oauth</c>, <c>client_secret_basic</c>, <c>when_confirmed</c>) as well as the .NET names.
    /// A value that cannot be parsed makes resolving the options throw <see cref="FormatException"/>
    /// naming the setting's path (<c>Authing:Timeout must be a time span such as 00:00:30.</c>), never the value.
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <c>AppId</c>, <c>AppSecret</c>, <c>AppHost</c>, <c>Protocol</c>, <c>RevocationEndPointAuthMethod</c>, <c>AllowInsecureHttp</c>, <c>RevokedTokenMarking</c>, <c>Timeout</c>, <c>AttemptTimeout</c> and <c>Retry</c> (<c>MaxAttempts</c>, <c>BaseDelay</c>, <c>MaxDelay</c>).</param>
    /// <returns>A builder to add revocation observers, and handlers or settings of the underlying HTTP client.</returns>
    public static AuthingClientBuilder AddAuthingAuthenticationClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddAuthingAuthenticationClient(options => AuthenticationClientOptionsBinding.Bind(configuration, options));
    }

    /// <summary>
    /// Registers <see cref="AuthenticationClient"/> with settings set in code, validated at start-up.
    /// Every revocation marks the registered <see cref="RevokedTokenRegistry"/>, if there is one
    /// (<see cref="AddAuthingRevokedTokenRegistry"/>,
    /// <c>AddAuthingRevocationCheck</c>), and tells every registered <see cref="IRevocationObserver"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to add revocation observers, and handlers or settings of the underlying HTTP client.</returns>
    public static AuthingClientBuilder AddAuthingAuthenticationClient(this IServiceCollection services, Action<AuthenticationClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddClient(Unnamed, configure);
    }

    /// <summary>
    /// Registers a keyed <see cref="AuthenticationClient"/> for one Authing application, with
    /// settings read from a configuration section (e.g. <c>configuration.GetSection("Authing:TenantA")</c>),
    /// validated at start-up. Resolve it with <c>[FromKeyedServices("tenant-a")]</c> or
    /// <c>GetRequiredKeyedService&lt;AuthenticationClient&gt;("tenant-a")</c>.
    /// </summary>
    /// <remarks>
    /// Bound as by <see cref="AddAuthingAuthenticationClient(IServiceCollection, IConfiguration)"/>:
    /// OAuth or .NET names for the enum settings, and errors that name the setting's path, never the value.
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name: its service key, the name of its options, and its <c>authing.client.name</c> in traces and metrics.</param>
    /// <param name="configuration">The section holding <c>AppId</c>, <c>AppSecret</c>, <c>AppHost</c>, <c>Protocol</c>, <c>RevocationEndPointAuthMethod</c>, <c>AllowInsecureHttp</c>, <c>RevokedTokenMarking</c>, <c>Timeout</c>, <c>AttemptTimeout</c> and <c>Retry</c> (<c>MaxAttempts</c>, <c>BaseDelay</c>, <c>MaxDelay</c>).</param>
    /// <returns>A builder to add observers of this client, and handlers or settings of this client's HTTP client.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or whitespace.</exception>
    public static AuthingClientBuilder AddAuthingAuthenticationClient(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddAuthingAuthenticationClient(name, options => AuthenticationClientOptionsBinding.Bind(configuration, options));
    }

    /// <summary>
    /// Registers a keyed <see cref="AuthenticationClient"/> for one Authing application, with
    /// settings set in code, validated at start-up; errors name the client and the setting. The
    /// client has its own HTTP client (<c>IHttpClientFactory</c>), tells the observers added through
    /// the returned builder and every unkeyed <see cref="IRevocationObserver"/>, and marks the one
    /// registered <see cref="RevokedTokenRegistry"/>, shared by every client: a token is a token.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name: its service key, the name of its options, and its <c>authing.client.name</c> in traces and metrics.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to add observers of this client, and handlers or settings of this client's HTTP client.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or whitespace.</exception>
    public static AuthingClientBuilder AddAuthingAuthenticationClient(this IServiceCollection services, string name, Action<AuthenticationClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddClient(name, configure);
    }

    /// <summary>
    /// Registers the <see cref="RevokedTokenRegistry"/> as an <see cref="InMemoryRevokedTokenRegistry"/>
    /// unless one is registered already (the Redis one, say), with options validated at start-up.
    /// Every client marks it and local validators consult it (<c>AddAuthingRevocationCheck</c> calls
    /// this for JwtBearer). A process that only revokes and validates nothing locally needs none.
    /// Time comes from a registered <see cref="TimeProvider"/>, if any.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes how long entries live; <see langword="null"/> keeps the defaults.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddAuthingRevokedTokenRegistry(this IServiceCollection services, Action<RevokedTokenRegistryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = services.AddOptions<RevokedTokenRegistryOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RevokedTokenRegistryOptions>>(RevokedTokenRegistryOptionsValidator.Instance));
        services.TryAddSingleton<RevokedTokenRegistry>(provider => new InMemoryRevokedTokenRegistry(
            provider.GetRequiredService<IOptions<RevokedTokenRegistryOptions>>().Value,
            provider.GetService<TimeProvider>()));
        return services;
    }

    /// <summary>
    /// The one registration path: <paramref name="name"/> is <see cref="Unnamed"/> (the options' default name) for
    /// the unnamed client, which is registered unkeyed, so <c>GetRequiredService&lt;AuthenticationClient&gt;()</c> finds it.
    /// </summary>
    private static AuthingClientBuilder AddClient(this IServiceCollection services, string name, Action<AuthenticationClientOptions> configure)
    {
        // Telemetry names keyed clients only: the unnamed one has no name to report.
        var clientName = name == Unnamed ? null : name;
        services.AddOptions<AuthenticationClientOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthenticationClientOptions>>(AuthenticationClientOptionsValidator.Instance));

        // One client per name: it is thread-safe, and a disposable transient resolved from the
        // root provider would be kept alive until the provider is disposed. Holding one HttpClient
        // for the client's lifetime is safe because the primary handler recycles its connections
        // (PooledConnectionLifetime), so DNS changes are still seen.
        if (clientName is null)
        {
            services.TryAddSingleton(provider => CreateClient(provider, name, clientName));
        }
        else
        {
            services.TryAddKeyedSingleton(clientName, (provider, _) => CreateClient(provider, name, clientName));
        }

        // Refit.HttpClientFactory registers the generated contract as a typed client of
        // IHttpClientFactory: unkeyed for the unnamed client, keyed by name for the others.
        var httpClient = (clientName is null
                ? services.AddRefitGeneratedClient<IAuthingRevocationApi>(AuthingHttp.CreateRefitSettings())
                : services.AddKeyedRefitGeneratedClient<IAuthingRevocationApi>(clientName, AuthingHttp.CreateRefitSettings()))
            .ConfigureHttpClient((provider, http) =>
            {
                http.BaseAddress = AuthingHttp.BaseAddress(provider.GetRequiredService<IOptionsMonitor<AuthenticationClientOptions>>().Get(name));

                // Time-outs belong to the revocation's time budget (per attempt and overall).
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(AuthingHttp.CreatePrimaryHandler)

            // The factory's per-request loggers format the URI on every call even when no logger
            // listens (its cost is in docs/performance.md); the client's own RevocationFinished
            // event reports status and duration. Re-add with AddDefaultLogger().
            .RemoveAllLoggers();
        return new AuthingClientBuilder(httpClient, clientName);
    }

    private static AuthenticationClient CreateClient(IServiceProvider provider, string name, string? clientName)
    {
        // The options monitor's factory has run AuthenticationClientOptionsValidator (registered
        // above) for this name before handing the options out.
        var options = provider.GetRequiredService<IOptionsMonitor<AuthenticationClientOptions>>().Get(name);
        var api = clientName is null
            ? provider.GetRequiredService<IAuthingRevocationApi>()
            : provider.GetRequiredKeyedService<IAuthingRevocationApi>(clientName);

        // Unkeyed observers hear from every client; a keyed client also tells its own.
        var observers = provider.GetServices<IRevocationObserver>();
        if (clientName is not null)
        {
            observers = observers.Concat(provider.GetKeyedServices<IRevocationObserver>(clientName));
        }

        return new AuthenticationClient(
            RevocationServices.FromValidated(api, options, clientName, provider.GetService<ILoggerFactory>(), provider.GetService<TimeProvider>()),
            LocalRevocationTargets.From(options, observers, provider.GetService<RevokedTokenRegistry>()));
    }
}
