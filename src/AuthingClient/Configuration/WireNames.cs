
namespace AuthingClient.Configuration;

/// <summary>The OAuth names of the public enums (RFC 6749 §2.3.1, RFC 7009 §2.1).</summary>
internal static class WireNames
{
    public static readonly WireNameTable<ClientAuthenticationMethod> AuthMethod = new(
        (ClientAuthenticationMethod.ClientSecretPost, "client_secret_post"),
        (ClientAuthenticationMethod.ClientSecretBasic, "client_secret_basic"),
        (ClientAuthenticationMethod.None, "none"));

    public static readonly WireNameTable<TokenTypeHint> Hint = new(
        (TokenTypeHint.AccessToken, "access_token"),
        (TokenTypeHint.RefreshToken, "refresh_token"));

    public static readonly WireNameTable<RevokedTokenMarking> Marking = new(
        (RevokedTokenMarking.WhenRequested, "when_requested"),
        (RevokedTokenMarking.WhenConfirmed, "when_confirmed"));

    public static readonly WireNameTable<AuthingProtocol> Protocol = new(
        (AuthingProtocol.Oidc, "oidc"),
        (AuthingProtocol.OAuth, "oauth"));
}
