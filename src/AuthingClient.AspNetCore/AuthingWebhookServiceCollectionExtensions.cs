using AuthingClient.AspNetCore;
using AuthingClient.AspNetCore.Receivers;
using AuthingClient.AspNetCore.Webhooks;
using AuthingClient.Revocation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// The conventional namespace for IServiceCollection extensions, next to AddJwtBearer.
#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the Authing webhook receiver that <c>app.MapAuthingWebhook(pattern)</c> maps.</summary>
public static class AuthingWebhookServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Authing webhook receiver with settings from <paramref name="configuration"/>
    /// (usually <c>configuration.GetSection("Authing:Webhook")</c>: <c>Secret</c> is required, at least
    /// 16 characters; <c>Issuer</c> defaults to <c>{AppHost}/oidc</c> of the registered Authing client),
    /// validated at start-up. Also registers the in-memory revoked-token registry unless one is registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding the settings.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddAuthingWebhook(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Intercepted by the configuration-binding source generator: no reflection, AOT-safe.
        return services.AddAuthingWebhook(options => configuration.Bind(options));
    }

    /// <summary>
    /// Registers the Authing webhook receiver with settings set in code; see
    /// <see cref="AddAuthingWebhook(IServiceCollection, IConfiguration)"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (at least <see cref="AuthingWebhookOptions.Secret"/>).</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddAuthingWebhook(this IServiceCollection services, Action<AuthingWebhookOptions> configure)
    {
        ReceiverRegistration.AddReceiver(services, configure, AuthingWebhookOptionsValidator.Instance, provider => new AuthingWebhookReceiver(
            provider.GetRequiredService<IOptions<AuthingWebhookOptions>>(),
            provider.GetRequiredService<RevokedTokenRegistry>(),
            provider.GetService<TimeProvider>(),
            provider.GetRequiredService<ILogger<AuthingWebhookReceiver>>()));

        // After every configuration: the issuer's default, from the Authing client's AppHost.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<AuthingWebhookOptions>, AuthingWebhookIssuerDefault>());
        return services;
    }
}
