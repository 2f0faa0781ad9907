namespace AuthingClient.AspNetCore;

/// <summary>
/// The Authing webhook receiver (<c>app.MapAuthingWebhook(pattern)</c>): the secret Authing sends
/// with every delivery, and the issuer whose tokens the deliveries revoke. Usually bound from the
/// configuration section <see cref="SectionName"/>; validated at start-up.
/// </summary>
public sealed class AuthingWebhookOptions
{
    /// <summary>The configuration section these options are usually bound from.</summary>
    public const string SectionName = "Authing:Webhook";

    /// <summary>
    /// Required, at least 16 characters: the secret set for the webhook in the Authing console, which
    /// Authing sends as is in the <c>x-authing-webhook-secret</c> header (older deliveries:
    /// <c>X-Authing-Token</c>). It is the deliveries' only authentication (Authing signs nothing), so
    /// serve the endpoint over HTTPS only. Never logged.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>
    /// The issuer (<c>iss</c>) of the tokens a delivery revokes, e.g. <c>https://example.authing.cn/oidc</c>.
    /// Default: <c>{AppHost}/oidc</c> from the registered <see cref="AuthenticationClientOptions"/>
    /// (<c>AddAuthingAuthenticationClient</c>); required when there is none.
    /// </summary>
    public string? Issuer { get; set; }
}
