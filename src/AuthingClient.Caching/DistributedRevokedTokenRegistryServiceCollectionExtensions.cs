using AuthingClient.Caching;
using AuthingClient.Revocation;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// The conventional namespace for IServiceCollection extensions, so they show up without a using.
#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the revoked-token registry over <see cref="IDistributedCache"/>.</summary>
public static class DistributedRevokedTokenRegistryServiceCollectionExtensions
{
    /// <summary>
    /// Makes the <see cref="RevokedTokenRegistry"/> a <see cref="DistributedRevokedTokenRegistry"/> over
    /// the registered <see cref="IDistributedCache"/> (register one, e.g. <c>AddStackExchangeRedisCache</c>),
    /// replacing the in-memory default, so every instance sharing the cache sees every revocation.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes how long entries live; <see langword="null"/> keeps the options.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddAuthingDistributedRevokedTokenRegistry(this IServiceCollection services, Action<RevokedTokenRegistryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddAuthingRevokedTokenRegistry(configure);
        services.Replace(ServiceDescriptor.Singleton<RevokedTokenRegistry>(provider => new DistributedRevokedTokenRegistry(
            provider.GetRequiredService<IDistributedCache>(),
            provider.GetRequiredService<IOptions<RevokedTokenRegistryOptions>>().Value,
            provider.GetService<TimeProvider>())));
        return services;
    }
}
