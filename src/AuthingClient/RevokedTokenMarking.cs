namespace AuthingClient;

/// <summary>When an <see cref="AuthenticationClient"/> marks a token in the <see cref="Revocation.RevokedTokenRegistry"/>.</summary>
public enum RevokedTokenMarking
{
    /// <summary>
    /// Fail-closed (the default): as soon as revocation is requested, before Authing is called, and
    /// whatever Authing answers: an error, a time-out, or <c>unsupported_token_type</c>. A token the
    /// application asked to revoke is never accepted locally again.
    /// </summary>
    WhenRequested = 0,

    /// <summary>Only after Authing confirmed the revocation (<c>RevokeTokenAsync</c> returns <see langword="true"/>).</summary>
    WhenConfirmed = 1,
}
