namespace AuthingClient.Interop.Tests.Server;

/// <summary>
/// A client application registered at the test authorization server, with the one revocation
/// authentication method the server accepts from it (Authing's per-application console setting).
/// </summary>
/// <param name="ClientId">The <c>client_id</c> (Authing: AppId).</param>
/// <param name="ClientSecret">The secret, or <see langword="null"/> for a public client.</param>
/// <param name="RevocationMethod">How it must authenticate at the revocation endpoint.</param>
public sealed record RegisteredClient(string ClientId, string? ClientSecret, ClientAuthenticationMethod RevocationMethod)
{
    /// <summary>Confidential; revokes with <c>client_secret_post</c>.</summary>
    public static RegisteredClient SecretPost { get; } = new("interop-post", "post-secret-5f0c2a", ClientAuthenticationMethod.ClientSecretPost);

    /// <summary>Confidential; revokes with <c>client_secret_basic</c>.</summary>
    public static RegisteredClient SecretBasic { get; } = new("interop-basic", "basic-secret-9d41e7", ClientAuthenticationMethod.ClientSecretBasic);

    /// <summary>
    /// Confidential; revokes with <c>client_secret_basic</c> and has a secret made of characters that
    /// RFC 6749 §2.3.1 requires to be form-encoded before base64 (all printable ASCII, VSCHAR).
    /// </summary>
    public static RegisteredClient SecretBasicWithReservedCharacters { get; } = new("interop-basic-reserved", "a+b/c=d&e f%g:h~i!*'()", ClientAuthenticationMethod.ClientSecretBasic);

    /// <summary>
    /// Confidential; revokes with <c>client_secret_post</c>; gets self-contained (JWT) access tokens
    /// instead of reference tokens, like an Authing application whose resource servers check
    /// signatures locally.
    /// </summary>
    public static RegisteredClient SelfContainedAccessTokens { get; } = new("interop-jwt", "jwt-secret-7a2d90", ClientAuthenticationMethod.ClientSecretPost);

    /// <summary>Public (no secret); revokes with <c>none</c>.</summary>
    public static RegisteredClient Public { get; } = new("interop-public", ClientSecret: null, ClientAuthenticationMethod.None);

    /// <summary>
    /// The resource server every access token is issued for: OpenIddict lets a token's audience
    /// introspect it, so this client can check any client's access token.
    /// </summary>
    public static RegisteredClient ResourceServer { get; } = new("interop-resource-server", "resource-secret-31b8c6", ClientAuthenticationMethod.ClientSecretPost);

    /// <summary>The clients that obtain tokens with the password grant.</summary>
    public static IReadOnlyList<RegisteredClient> TokenClients { get; } = [SecretPost, SecretBasic, SecretBasicWithReservedCharacters, SelfContainedAccessTokens, Public];

    /// <summary>Looks a client up by its revocation authentication method.</summary>
    public static RegisteredClient For(ClientAuthenticationMethod method) => method switch
    {
        ClientAuthenticationMethod.ClientSecretPost => SecretPost,
        ClientAuthenticationMethod.ClientSecretBasic => SecretBasic,
        ClientAuthenticationMethod.None => Public,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "No client registered for this method."),
    };

    /// <summary>Never shows the secret (xunit prints theory arguments).</summary>
    public override string ToString() => ClientId;
}
