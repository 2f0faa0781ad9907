namespace AuthingClient.Tests.Support;

/// <summary>The application the tests pretend to be.</summary>
public static class TestApp
{
    public const string AppId = "60e3a8f2c1d4b5a6e7f80912";

    /// <summary>A hex secret like Authing's, distinctive enough to search for on the wire and in messages.</summary>
    public const string Secret = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";

    public const string Token = "opaque-access-token-1234567890";

    public static AuthenticationClientOptions Options(
        string appHost,
        AuthingProtocol protocol = AuthingProtocol.Oidc,
        ClientAuthenticationMethod method = ClientAuthenticationMethod.ClientSecretPost,
        string? secret = Secret) => new()
        {
            AppId = AppId,
            AppSecret = secret,
            AppHost = appHost,
            Protocol = protocol,
            RevocationEndPointAuthMethod = method,
        };

    /// <summary>The revocation path of a protocol, spelled out rather than taken from the library.</summary>
    public static string PathOf(AuthingProtocol protocol) => protocol switch
    {
        AuthingProtocol.Oidc => "/oidc/token/revocation",
        AuthingProtocol.OAuth => "/oauth/token/revocation",
        _ => throw new ArgumentOutOfRangeException(nameof(protocol)),
    };

    /// <summary>The OAuth names an operator types into configuration.</summary>
    public static string WireName(AuthingProtocol protocol) => protocol switch
    {
        AuthingProtocol.Oidc => "oidc",
        AuthingProtocol.OAuth => "oauth",
        _ => ((int)protocol).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The OAuth names an operator types into configuration (RFC 6749 §2.3.1, OIDC discovery).</summary>
    public static string WireName(ClientAuthenticationMethod method) => method switch
    {
        ClientAuthenticationMethod.ClientSecretPost => "client_secret_post",
        ClientAuthenticationMethod.ClientSecretBasic => "client_secret_basic",
        ClientAuthenticationMethod.None => "none",
        _ => ((int)method).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Every valid protocol × auth method pair (basic + OAuth is a configuration error).</summary>
    public static IEnumerable<(AuthingProtocol Protocol, ClientAuthenticationMethod Method)> ValidAuthCombinations() =>
        from protocol in new[] { AuthingProtocol.Oidc, AuthingProtocol.OAuth }
        from method in new[] { ClientAuthenticationMethod.ClientSecretPost, ClientAuthenticationMethod.ClientSecretBasic, ClientAuthenticationMethod.None }
        where !(protocol == AuthingProtocol.OAuth && method == ClientAuthenticationMethod.ClientSecretBasic)
        select (protocol, method);
}
