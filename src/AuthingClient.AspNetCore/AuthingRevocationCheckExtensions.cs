using System.Diagnostics.CodeAnalysis;
using AuthingClient.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

// The conventional namespace for IServiceCollection extensions, next to AddJwtBearer.
#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Makes a JwtBearer scheme reject tokens revoked through AuthingClient.</summary>
public static class AuthingRevocationCheckExtensions
{
    /// <summary>
    /// Makes the JwtBearer scheme <paramref name="authenticationScheme"/> fail every token found in the
    /// <see cref="AuthingClient.Revocation.RevokedTokenRegistry"/> (registered in memory unless one is
    /// registered already) — the token itself, or its user or session revoked after it was issued —, the registry an <see cref="AuthingClient.AuthenticationClient"/> in the same
    /// container marks. The check runs in <c>OnTokenValidated</c>, after the scheme's own handler
    /// (kept, whether set as delegates, a subclass or an events type); if that handler failed the
    /// request the check is skipped. A token whose status cannot be looked up is rejected too. The
    /// failure message never contains the token.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="authenticationScheme">The JwtBearer scheme to guard; default <see cref="JwtBearerDefaults.AuthenticationScheme"/>.</param>
    /// <returns>The service collection.</returns>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads extend different types (IServiceCollection, AuthenticationBuilder), so no call can be ambiguous.")]
    public static IServiceCollection AddAuthingRevocationCheck(this IServiceCollection services, string authenticationScheme = JwtBearerDefaults.AuthenticationScheme)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(authenticationScheme);

        services.AddAuthingRevokedTokenRegistry();
        services.TryAddSingleton(provider => new RevokedTokenReport(provider.GetService<TimeProvider>(), provider.GetService<ILoggerFactory>()));

        // Post-configuration runs after every AddJwtBearer(o => ...) configuration, so the events the
        // application set are there to be wrapped.
        services.PostConfigure<JwtBearerOptions>(authenticationScheme, RevocationCheckingJwtBearerEvents.Install);
        return services;
    }

    /// <summary>
    /// Makes the JwtBearer scheme <paramref name="authenticationScheme"/> reject revoked tokens; see
    /// <see cref="AddAuthingRevocationCheck(IServiceCollection, string)"/>.
    /// </summary>
    /// <param name="builder">What <c>AddAuthentication()</c> or <c>AddJwtBearer(...)</c> returned.</param>
    /// <param name="authenticationScheme">The JwtBearer scheme to guard; default <see cref="JwtBearerDefaults.AuthenticationScheme"/>.</param>
    /// <returns>The builder.</returns>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads extend different types (IServiceCollection, AuthenticationBuilder), so no call can be ambiguous.")]
    public static AuthenticationBuilder AddAuthingRevocationCheck(this AuthenticationBuilder builder, string authenticationScheme = JwtBearerDefaults.AuthenticationScheme)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAuthingRevocationCheck(authenticationScheme);
        return builder;
    }
}
