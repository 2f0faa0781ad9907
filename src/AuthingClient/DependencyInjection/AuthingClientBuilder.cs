using System.Diagnostics.CodeAnalysis;
using AuthingClient.Revocation;
using Microsoft.Extensions.DependencyInjection.Extensions;

// The conventional namespace for dependency injection builders, next to IHttpClientBuilder.
#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>
/// What <c>AddAuthingAuthenticationClient</c> returns: adds revocation observers. It is also the <see cref="IHttpClientBuilder"/> of the client's HTTP
/// client, so handlers and HTTP settings are added the usual way. For a keyed client, observers and
/// HTTP settings are that client's own; the revoked-token registry
/// (<c>AddAuthingRevokedTokenRegistry</c>) is shared by every client.
/// </summary>
public sealed class AuthingClientBuilder : IHttpClientBuilder
{
    private readonly IHttpClientBuilder _httpClient;

    /// <summary>The keyed client's name; <see langword="null"/> for the unnamed client.</summary>
    private readonly string? _clientName;

    internal AuthingClientBuilder(IHttpClientBuilder httpClient, string? clientName)
    {
        _httpClient = httpClient;
        _clientName = clientName;
    }

    /// <inheritdoc/>
    public string Name => _httpClient.Name;

    /// <inheritdoc/>
    public IServiceCollection Services => _httpClient.Services;

    /// <summary>
    /// Registers an observer told after every revocation, as a singleton like the client (resolve
    /// scoped services through <see cref="IServiceScopeFactory"/>). Registering a type twice adds it once.
    /// The unnamed client's observers are unkeyed services, told by every client; a keyed client's
    /// are keyed with its name and told by it alone.
    /// </summary>
    /// <typeparam name="TObserver">The observer type, built by dependency injection.</typeparam>
    /// <returns>This builder.</returns>
    public AuthingClientBuilder AddRevocationObserver<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TObserver>()
        where TObserver : class, IRevocationObserver
    {
        Services.TryAddEnumerable(ServiceDescriptor.KeyedSingleton<IRevocationObserver, TObserver>(_clientName));
        return this;
    }

    /// <summary>Registers an observer instance told after every revocation (by every client, or by this keyed client alone).</summary>
    /// <param name="observer">The observer.</param>
    /// <returns>This builder.</returns>
    public AuthingClientBuilder AddRevocationObserver(IRevocationObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        Services.AddKeyedSingleton(_clientName, observer);
        return this;
    }
}
