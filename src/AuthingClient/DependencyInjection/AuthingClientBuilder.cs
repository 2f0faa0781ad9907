using System.Diagnostics.CodeAnalysis;
using AuthingClient.Revocation;
using Microsoft.Extensions.DependencyInjection.Extensions;

// The conventional namespace for dependency injection builders, next to IHttpClientBuilder.
#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>
/// What <c>AddAuthingAuthenticationClient</c> returns: adds revocation observers and configures the
/// revoked-token registry. It is also the <see cref="IHttpClientBuilder"/> of the client's HTTP
/// client, so handlers and HTTP settings are added the usual way.
/// </summary>
public sealed class AuthingClientBuilder : IHttpClientBuilder
{
    private readonly IHttpClientBuilder _httpClient;

    internal AuthingClientBuilder(IHttpClientBuilder httpClient) => _httpClient = httpClient;

    /// <inheritdoc/>
    public string Name => _httpClient.Name;

    /// <inheritdoc/>
    public IServiceCollection Services => _httpClient.Services;

    /// <summary>
    /// Registers an observer told after every revocation, as a singleton like the client (resolve
    /// scoped services through <see cref="IServiceScopeFactory"/>). Registering a type twice adds it once.
    /// </summary>
    /// <typeparam name="TObserver">The observer type, built by dependency injection.</typeparam>
    /// <returns>This builder.</returns>
    public AuthingClientBuilder AddRevocationObserver<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TObserver>()
        where TObserver : class, IRevocationObserver
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IRevocationObserver, TObserver>());
        return this;
    }

    /// <summary>Registers an observer instance told after every revocation.</summary>
    /// <param name="observer">The observer.</param>
    /// <returns>This builder.</returns>
    public AuthingClientBuilder AddRevocationObserver(IRevocationObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        Services.AddSingleton(observer);
        return this;
    }

    /// <summary>
    /// Registers the revoked-token registry (in memory unless one is registered already; see
    /// <see cref="RevokedTokenRegistryServiceCollectionExtensions.AddAuthingRevokedTokenRegistry"/>)
    /// and sets how long it remembers tokens.
    /// </summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    public AuthingClientBuilder ConfigureRevokedTokenRegistry(Action<RevokedTokenRegistryOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.AddAuthingRevokedTokenRegistry(configure);
        return this;
    }
}
