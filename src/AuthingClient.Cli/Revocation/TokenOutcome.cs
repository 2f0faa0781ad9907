using System.Net;

namespace AuthingClient.Cli.Revocation;

/// <summary>What happened to one token.</summary>
internal enum TokenOutcomeKind
{
    /// <summary>Authing answered with success.</summary>
    Revoked,

    /// <summary>Authing answered <c>unsupported_token_type</c>: the token stays valid until it expires.</summary>
    NotRevoked,

    /// <summary>Authing refused the request, or the revocation could not be confirmed.</summary>
    Failed,

    /// <summary>The token argument itself is malformed; nothing was sent.</summary>
    InvalidToken,
}

/// <summary>
/// The result of revoking one token, as the CLI reports it. <see cref="Reason"/> is one line of
/// text that never contains the token or the secret.
/// </summary>
internal sealed record TokenOutcome(TokenOutcomeKind Kind, HttpStatusCode? Status, string? Error, string? Reason)
{
    public static TokenOutcome Revoked { get; } = new(TokenOutcomeKind.Revoked, Status: null, Error: null, Reason: null);

    /// <summary><c>true</c>, <c>false</c> or <see langword="null"/> (not known).</summary>
    public bool? RevokedValue => Kind switch
    {
        TokenOutcomeKind.Revoked => true,
        TokenOutcomeKind.NotRevoked => false,
        _ => null,
    };
}
