using Microsoft.Extensions.Options;

namespace AuthingClient.AspNetCore.Webhooks;

/// <summary>
/// Gives <see cref="AuthingWebhookOptions.Issuer"/> its default, <c>{AppHost}/oidc</c> — the issuer
/// of Authing's OIDC tokens — from the unnamed Authing client's options, when it has an AppHost.
/// </summary>
internal sealed class AuthingWebhookIssuerDefault(IOptions<AuthenticationClientOptions> client) : IPostConfigureOptions<AuthingWebhookOptions>
{
    public void PostConfigure(string? name, AuthingWebhookOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Issuer) || AppHost() is not { } appHost)
        {
            return;
        }

        options.Issuer = appHost.TrimEnd('/') + "/oidc";
    }

    private string? AppHost()
    {
        try
        {
            return client.Value.AppHost is { Length: > 0 } appHost ? appHost : null;
        }
        catch (OptionsValidationException)
        {
            // No valid unnamed client (only keyed ones, or a misconfigured one that fails start-up
            // on its own): there is no default, and the validator asks for Issuer.
            return null;
        }
    }
}
