using AuthingClient.Diagnostics;

namespace AuthingClient.Revocation;

/// <summary>
/// What an <see cref="IRevocationObserver"/> is told about one revocation. <see cref="ToString"/>
/// names the token by its fingerprint only, so a notice can be logged safely.
/// </summary>
public sealed class RevocationNotice
{
    /// <summary>Creates a notice (observers' own tests can make them too).</summary>
    /// <param name="token">The token whose revocation was requested.</param>
    /// <param name="tokenTypeHint">The hint the caller gave, if any.</param>
    /// <param name="outcome">What Authing made of the request.</param>
    /// <param name="failure">Why the revocation was not confirmed: required when <paramref name="outcome"/> is a failure, with the same outcome; otherwise <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="token"/> is null or empty, or <paramref name="failure"/> does not match <paramref name="outcome"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcome"/> is not one Authing can give (<see cref="RevocationOutcome.Unknown"/>, <see cref="RevocationOutcome.Canceled"/> or undefined).</exception>
    public RevocationNotice(string token, TokenTypeHint? tokenTypeHint, RevocationOutcome outcome, AuthingRevocationException? failure = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        if (outcome is not (RevocationOutcome.Revoked or RevocationOutcome.NotRevoked) && !outcome.IsFailure())
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not an outcome Authing can give.");
        }

        if (outcome.IsFailure() ? failure?.Outcome != outcome : failure is not null)
        {
            throw new ArgumentException("A failure comes with a failed outcome, and only then; its outcome is the notice's.", nameof(failure));
        }

        Token = token;
        TokenTypeHint = tokenTypeHint;
        Outcome = outcome;
        Failure = failure;
    }

    /// <summary>The token whose revocation was requested. Never log it: <see cref="ToString"/> names it by its fingerprint.</summary>
    public string Token { get; }

    /// <summary>The <c>token_type_hint</c> the caller gave, or <see langword="null"/>.</summary>
    public TokenTypeHint? TokenTypeHint { get; }

    /// <summary>What Authing made of the request: <see cref="RevocationOutcome.Revoked"/>, <see cref="RevocationOutcome.NotRevoked"/>, or a failure (see <see cref="Failure"/>).</summary>
    public RevocationOutcome Outcome { get; }

    /// <summary>Why the revocation was not confirmed, when <see cref="Outcome"/> is a failure; otherwise <see langword="null"/>.</summary>
    public AuthingRevocationException? Failure { get; }

    /// <summary>Describes the notice with the token's short fingerprint, never the token.</summary>
    /// <returns>For example <c>RevocationNotice(Token=3F2A9C01B7D4, TokenTypeHint=AccessToken, Outcome=Revoked)</c>.</returns>
    public override string ToString() =>
        $"RevocationNotice(Token={TokenFingerprint.Of(Token)}, TokenTypeHint={(TokenTypeHint is { } hint ? hint.ToString() : "(none)")}, Outcome={Outcome})";
}
