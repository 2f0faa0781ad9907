using AuthingClient.AspNetCore;
using AuthingClient.AspNetCore.BackChannelLogout;
using AuthingClient.AspNetCore.Receivers;
using AuthingClient.Revocation;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// The conventional namespace for IServiceCollection extensions, next to AddJwtBearer.
#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the OpenID Connect Back-Channel Logout receiver that <c>app.MapBackChannelLogout(pattern)</c> maps.</summary>
public static class BackChannelLogoutServiceCollectionExtensions
{
    /// <summary>
    /// Registers the back-channel logout receiver with settings from <paramref name="configuration"/>
    /// (usually <c>configuration.GetSection("Authing:BackChannelLogout")</c>: <c>ClientId</c> is required;
    /// <c>AuthenticationScheme</c>, default <c>Bearer</c>, and <c>MaxTokenAge</c>, default 5 minutes, are
    /// optional), validated at start-up. Logout tokens are validated with that JwtBearer scheme's keys
    /// and issuer. Also registers the in-memory revoked-token registry unless one is registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding the settings.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddAuthingBackChannelLogout(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Intercepted by the configuration-binding source generator: no reflection, AOT-safe.
        return services.AddAuthingBackChannelLogout(options => configuration.Bind(options));
    }

    /// <summary>
    /// Registers the back-channel logout receiver with settings set in code; see
    /// <see cref="AddAuthingBackChannelLogout(IServiceCollection, IConfiguration)"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (at least <see cref="BackChannelLogoutOptions.ClientId"/>).</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddAuthingBackChannelLogout(this IServiceCollection services, Action<BackChannelLogoutOptions> configure)
    {
        return ReceiverRegistration.AddReceiver(services, configure, BackChannelLogoutOptionsValidator.Instance, provider => new BackChannelLogoutReceiver(
            provider.GetRequiredService<IOptions<BackChannelLogoutOptions>>(),
            provider.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>(),
            provider.GetRequiredService<RevokedTokenRegistry>(),
            provider.GetService<TimeProvider>(),
            provider.GetRequiredService<ILogger<BackChannelLogoutReceiver>>()));
    }
}
