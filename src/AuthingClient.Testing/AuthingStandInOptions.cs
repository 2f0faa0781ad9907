namespace AuthingClient.Testing;

/// <summary>
/// How an <see cref="AuthingStandIn"/> is set up: the application it knows and how that
/// application authenticates at the revocation endpoint, as in the Authing console.
/// </summary>
public sealed class AuthingStandInOptions
{
    private const string DefaultAppId = "local-app-id";
    private const string DefaultAppSecret = "local-app-secret";

    /// <summary>The only <c>client_id</c> the stand-in accepts. Default <c>local-app-id</c>.</summary>
    public string AppId { get; set; } = DefaultAppId;

    /// <summary>
    /// The secret the stand-in expects with <see cref="ClientAuthenticationMethod.ClientSecretPost"/>
    /// and <see cref="ClientAuthenticationMethod.ClientSecretBasic"/>; ignored with
    /// <see cref="ClientAuthenticationMethod.None"/>. Printable ASCII only (RFC 6749 Appendix A).
    /// Default <c>local-app-secret</c>.
    /// </summary>
    public string AppSecret { get; set; } = DefaultAppSecret;

    /// <summary>
    /// The protocol the application uses. Only its revocation path answers
    /// (<c>/oidc/token/revocation</c> or <c>/oauth/token/revocation</c>); the other one is 404.
    /// Default <see cref="AuthingProtocol.Oidc"/>.
    /// </summary>
    public AuthingProtocol Protocol { get; set; } = AuthingProtocol.Oidc;

    /// <summary>
    /// How the application must authenticate at the revocation endpoint. Default
    /// <see cref="ClientAuthenticationMethod.ClientSecretPost"/>. With <see cref="AuthingProtocol.OAuth"/>,
    /// <see cref="ClientAuthenticationMethod.ClientSecretBasic"/> is accepted here but, as at Authing,
    /// the OAuth 2.0 endpoint never reads Basic credentials, so every request is refused with
    /// 401 <c>invalid_client</c>.
    /// </summary>
    public ClientAuthenticationMethod RevocationEndPointAuthMethod { get; set; } = ClientAuthenticationMethod.ClientSecretPost;

    /// <summary>Returns the settings without the secret.</summary>
    /// <returns>A description for test output.</returns>
    public override string ToString() =>
        $"AppId={AppId}, Protocol={Protocol}, RevocationEndPointAuthMethod={RevocationEndPointAuthMethod}, AppSecret=***";

    internal AuthingStandInOptions Validated()
    {
        if (string.IsNullOrWhiteSpace(AppId))
        {
            throw new ArgumentException($"{nameof(AppId)} is required.", nameof(AppId));
        }

        if (!Enum.IsDefined(Protocol))
        {
            throw new ArgumentException($"{nameof(Protocol)} must be {nameof(AuthingProtocol.Oidc)} or {nameof(AuthingProtocol.OAuth)}.", nameof(Protocol));
        }

        if (!Enum.IsDefined(RevocationEndPointAuthMethod))
        {
            throw new ArgumentException($"{nameof(RevocationEndPointAuthMethod)} is not a defined {nameof(ClientAuthenticationMethod)}.", nameof(RevocationEndPointAuthMethod));
        }

        if (RevocationEndPointAuthMethod != ClientAuthenticationMethod.None)
        {
            if (string.IsNullOrEmpty(AppSecret))
            {
                throw new ArgumentException($"{nameof(AppSecret)} is required unless {nameof(RevocationEndPointAuthMethod)} is {nameof(ClientAuthenticationMethod.None)}.", nameof(AppSecret));
            }

            // RFC 6749 Appendix A: a client secret is VSCHAR. The value itself is never echoed.
            if (AppSecret.Any(c => c is < '\x20' or > '\x7E'))
            {
                throw new ArgumentException($"{nameof(AppSecret)} must contain only printable ASCII characters.", nameof(AppSecret));
            }
        }

        // A snapshot: changing the options after Start does not change a running stand-in.
        return new AuthingStandInOptions
        {
            AppId = AppId,
            AppSecret = AppSecret,
            Protocol = Protocol,
            RevocationEndPointAuthMethod = RevocationEndPointAuthMethod,
        };
    }
}
