using AuthingClient.Redis;
using AuthingClient.Revocation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

// The conventional namespace for IServiceCollection extensions, so they show up without a using.
#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the revoked-token registry replicated through Redis.</summary>
public static class RedisRevokedTokenRegistryServiceCollectionExtensions
{
    /// <summary>
    /// Makes the revoked-token registry, which <c>AddAuthingAuthenticationClient</c> marks and
    /// <c>AddAuthingRevocationCheck</c> consults, one replicated through Redis, with settings from
    /// <paramref name="configuration"/> (usually <c>configuration.GetSection("Authing:RevokedTokens")</c>:
    /// <c>Redis</c>, the connection string, is required unless <c>UseRegisteredConnection</c> is set (then <c>RegisteredConnectionKey</c> names a keyed one); <c>MaxTokenLifetime</c>, <c>ClockSkew</c>,
    /// <c>FailClosedAfter</c>, <c>PollInterval</c>, <c>LoadTimeout</c>, <c>LogRetention</c>, <c>KeyPrefix</c> are optional).
    /// Also registers the start-up step that loads the replica before the application serves and
    /// the health check <c>authing-revoked-tokens</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding the settings.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddAuthingRedisRevokedTokenRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RevokedTokenRegistryOptions>().Bind(configuration);
        return services.AddAuthingRedisRevokedTokenRegistry(options => configuration.Bind(options));
    }

    /// <summary>
    /// Makes the revoked-token registry one replicated through Redis, with settings set in code; see
    /// <see cref="AddAuthingRedisRevokedTokenRegistry(IServiceCollection, IConfiguration)"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (at least <see cref="RedisRevokedTokenRegistryOptions.Redis"/>).</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddAuthingRedisRevokedTokenRegistry(this IServiceCollection services, Action<RedisRevokedTokenRegistryOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddAuthingRevokedTokenRegistry();
        services.AddOptions<RedisRevokedTokenRegistryOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisRevokedTokenRegistryOptions>>(RedisRevokedTokenRegistryOptionsValidator.Instance));

        if (services.Any(service => service.ServiceType == typeof(RedisRevokedTokenRegistry)))
        {
            return services;
        }

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<RedisRevokedTokenRegistryOptions>>().Value;
            return new RedisRevokedTokenRegistry(
                options,
                provider.GetRequiredService<IOptions<RevokedTokenRegistryOptions>>().Value,
                provider.GetService<TimeProvider>(),
                provider.GetService<ILoggerFactory>(),
                RegisteredConnection(provider, options));
        });
        services.Replace(ServiceDescriptor.Singleton<RevokedTokenRegistry>(provider => provider.GetRequiredService<RedisRevokedTokenRegistry>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ReplicaStartup>());
        services.AddHealthChecks().AddCheck<ReplicaHealthCheck>(ReplicaHealthCheck.Name);
        return services;
    }

    private static IConnectionMultiplexer? RegisteredConnection(IServiceProvider provider, RedisRevokedTokenRegistryOptions options)
    {
        if (!options.UseRegisteredConnection)
        {
            return null;
        }

        return options.RegisteredConnectionKey is { } key
            ? provider.GetKeyedService<IConnectionMultiplexer>(key)
                ?? throw new InvalidOperationException($"{RedisRevokedTokenRegistryOptions.SectionName}:UseRegisteredConnection is set, but no IConnectionMultiplexer is registered under the key '{key}' (RegisteredConnectionKey).")
            : provider.GetService<IConnectionMultiplexer>()
                ?? throw new InvalidOperationException($"{RedisRevokedTokenRegistryOptions.SectionName}:UseRegisteredConnection is set, but no IConnectionMultiplexer is registered (register one, e.g. with Aspire's AddRedisClient).");
    }
}
