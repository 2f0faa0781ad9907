using AuthingClient.Interop.Tests.Server;

namespace AuthingClient.Interop.Tests.Support;

/// <summary>The protocol paths and client authentication methods every revocation test runs through.</summary>
public static class RevocationMatrix
{
    /// <summary>
    /// Every supported pair: all three methods on the OIDC path, post and none on the OAuth path
    /// (the library refuses client_secret_basic with OAuth, as Authing's SDKs do).
    /// </summary>
    public static TheoryData<AuthingProtocol, ClientAuthenticationMethod> SupportedPairs { get; } = new()
    {
        { AuthingProtocol.Oidc, ClientAuthenticationMethod.ClientSecretPost },
        { AuthingProtocol.Oidc, ClientAuthenticationMethod.ClientSecretBasic },
        { AuthingProtocol.Oidc, ClientAuthenticationMethod.None },
        { AuthingProtocol.OAuth, ClientAuthenticationMethod.ClientSecretPost },
        { AuthingProtocol.OAuth, ClientAuthenticationMethod.None },
    };

    /// <summary>The pairs that carry a secret, so a wrong one can be sent.</summary>
    public static TheoryData<AuthingProtocol, ClientAuthenticationMethod> PairsWithSecret { get; } = new()
    {
        { AuthingProtocol.Oidc, ClientAuthenticationMethod.ClientSecretPost },
        { AuthingProtocol.Oidc, ClientAuthenticationMethod.ClientSecretBasic },
        { AuthingProtocol.OAuth, ClientAuthenticationMethod.ClientSecretPost },
    };

    /// <summary>The three client authentication methods.</summary>
    public static TheoryData<ClientAuthenticationMethod> Methods { get; } = new()
    {
        ClientAuthenticationMethod.ClientSecretPost,
        ClientAuthenticationMethod.ClientSecretBasic,
        ClientAuthenticationMethod.None,
    };

    /// <summary>The path the library must post to for <paramref name="protocol"/>.</summary>
    public static string PathOf(AuthingProtocol protocol) => protocol == AuthingProtocol.OAuth
        ? AuthorizationServerFixture.OAuthRevocationPath
        : AuthorizationServerFixture.OidcRevocationPath;
}
