namespace AuthingClient;

/// <summary>
/// RFC 7009 §2.1 <c>token_type_hint</c>: what kind of token is being revoked. Optional; a server
/// that cannot use the hint searches all token kinds.
/// </summary>
public enum TokenTypeHint
{
    /// <summary><c>access_token</c>.</summary>
    AccessToken = 0,

    /// <summary><c>refresh_token</c>.</summary>
    RefreshToken = 1,
}
