namespace AuthingClient.Testing.Tests.Support;

/// <summary>The protocol and client-authentication combinations Authing (and so the stand-in) supports.</summary>
public static class StandInMatrix
{
    /// <summary>client_secret_basic exists only on OIDC applications.</summary>
    public static TheoryData<AuthingProtocol, ClientAuthenticationMethod> SupportedCombinations => new()
    {
        { AuthingProtocol.Oidc, ClientAuthenticationMethod.ClientSecretPost },
        { AuthingProtocol.OAuth, ClientAuthenticationMethod.ClientSecretPost },
        { AuthingProtocol.Oidc, ClientAuthenticationMethod.ClientSecretBasic },
        { AuthingProtocol.Oidc, ClientAuthenticationMethod.None },
        { AuthingProtocol.OAuth, ClientAuthenticationMethod.None },
    };
}
