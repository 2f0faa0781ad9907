namespace AuthingClient.Revocation;

/// <summary>What Authing made of a revocation request, as told to an <see cref="IRevocationObserver"/>.</summary>
public enum RevocationStatus
{
    /// <summary>Authing answered with success: the token is revoked (or was already invalid). <c>RevokeTokenAsync</c> returns <see langword="true"/>.</summary>
    Revoked = 0,

    /// <summary>
    /// Authing answered <c>unsupported_token_type</c>: it does not revoke that kind of token, which
    /// stays valid at Authing until it expires. <c>RevokeTokenAsync</c> returns <see langword="false"/>.
    /// </summary>
    NotRevoked = 1,

    /// <summary>
    /// The call failed (an OAuth error, an unexpected status, a time-out, a network failure):
    /// the token may still be valid at Authing. <see cref="RevocationNotice.Failure"/> says why.
    /// </summary>
    NotConfirmed = 2,
}
