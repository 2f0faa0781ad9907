using AuthingClient.Configuration;
using AuthingClient.Revocation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// The conventional namespace for IServiceCollection extensions, so they show up without a using.
#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the revoked-token registry that the client marks and local validators consult.</summary>
public static class RevokedTokenRegistryServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IRevokedTokenRegistry"/> as an <see cref="InMemoryRevokedTokenRegistry"/>
    /// unless one is registered already (a distributed one, say), with options validated at
    /// start-up. The <see cref="AuthingClient.AuthenticationClient"/> marks it and local validators
    /// consult it (<c>AddAuthingRevocationCheck</c> calls this for JwtBearer). A process that only
    /// revokes and validates nothing locally needs none. Time comes from a registered
    /// <see cref="TimeProvider"/>, if any.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the options; <see langword="null"/> keeps them.</param>
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
        services.TryAddSingleton<IRevokedTokenRegistry>(provider => new InMemoryRevokedTokenRegistry(
            provider.GetRequiredService<IOptions<RevokedTokenRegistryOptions>>().Value,
            provider.GetService<TimeProvider>()));
        return services;
    }
}
