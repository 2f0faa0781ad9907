namespace AuthingClient;

/// <summary>
/// The protocol an Authing application was created with. It selects the revocation path.
/// </summary>
public enum AuthingProtocol
{
    /// <summary>OpenID Connect (the default): <c>POST /oidc/token/revocation</c>.</summary>
    Oidc = 0,

    /// <summary>OAuth 2.0: <c>POST /oauth/token/revocation</c>.</summary>
    OAuth = 1,
}
