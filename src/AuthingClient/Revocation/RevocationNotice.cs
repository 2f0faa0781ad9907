using AuthingClient.Diagnostics;

namespace AuthingClient.Revocation;

/// <summary>
/// What an <see cref="IRevocationObserver"/> is told about one revocation. <see cref="ToString"/>
/// names the token by its fingerprint only, so a notice can be logged safely.
/// </summary>
public sealed class RevocationNotice
{
    private string? _tokenHash;

    /// <summary>Creates a notice (observers' own tests can make them too).</summary>
    /// <param name="token">The token whose revocation was requested.</param>
    /// <param name="tokenTypeHint">The hint the caller gave, if any.</param>
    /// <param name="status">What Authing made of the request.</param>
    /// <param name="failure">Why the revocation was not confirmed; only with <see cref="RevocationStatus.NotConfirmed"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="token"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a defined value.</exception>
    public RevocationNotice(string token, TokenTypeHint? tokenTypeHint, RevocationStatus status, AuthingRevocationException? failure = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        if (!Enum.IsDefined(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Not a defined revocation status.");
        }

        Token = token;
        TokenTypeHint = tokenTypeHint;
        Status = status;
        Failure = failure;
    }

    /// <summary>The token whose revocation was requested. Never log it: use <see cref="TokenHash"/>.</summary>
    public string Token { get; }

    /// <summary>The <c>token_type_hint</c> the caller gave, or <see langword="null"/>.</summary>
    public TokenTypeHint? TokenTypeHint { get; }

    /// <summary>What Authing made of the request.</summary>
    public RevocationStatus Status { get; }

    /// <summary>Why the revocation was not confirmed, with <see cref="RevocationStatus.NotConfirmed"/>; otherwise <see langword="null"/>.</summary>
    public AuthingRevocationException? Failure { get; }

    /// <summary>
    /// The key the revoked-token registries use for the token (<see cref="RevokedTokenRegistry.KeyOf"/>:
    /// one-way, bound to what the issuer signed), for caches keyed the same way.
    /// </summary>
    public string TokenHash => _tokenHash ??= RevokedTokenRegistry.KeyOf(Token);

    /// <summary>Describes the notice with the token's short fingerprint, never the token.</summary>
    /// <returns>For example <c>RevocationNotice(Token=3F2A9C01B7D4, TokenTypeHint=AccessToken, Status=Revoked)</c>.</returns>
    public override string ToString() =>
        $"RevocationNotice(Token={TokenFingerprint.Of(Token)}, TokenTypeHint={(TokenTypeHint is { } hint ? hint.ToString() : "(none)")}, Status={Status})";
}
