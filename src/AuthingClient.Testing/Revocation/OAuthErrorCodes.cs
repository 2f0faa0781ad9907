namespace AuthingClient.Testing.Revocation;

/// <summary>The OAuth error codes the endpoint answers with (RFC 6749 §5.2, RFC 7009 §2.2.1).</summary>
internal static class OAuthErrorCodes
{
    public const string InvalidRequest = "invalid_request";
    public const string InvalidClient = "invalid_client";
    public const string UnsupportedTokenType = "unsupported_token_type";
}
