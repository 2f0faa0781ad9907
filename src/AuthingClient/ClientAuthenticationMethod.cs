namespace AuthingClient;

/// <summary>
/// How the application authenticates at the revocation endpoint (RFC 6749 §2.3.1): the Authing
/// console's "revocation token authentication method" setting. Configuration accepts both the .NET
/// names and the OAuth names (<c>client_secret_post</c>, <c>client_secret_basic</c>, <c>none</c>).
/// </summary>
public enum ClientAuthenticationMethod
{
    /// <summary><c>client_secret_post</c> (the default): <c>client_id</c> and <c>client_secret</c> in the form body.</summary>
    ClientSecretPost = 0,

    /// <summary><c>client_secret_basic</c>: <c>client_id</c> in the form body and the credentials in an HTTP Basic header.</summary>
    ClientSecretBasic = 1,

    /// <summary><c>none</c>: a public client; only <c>client_id</c> is sent, no secret anywhere.</summary>
    None = 2,
}
