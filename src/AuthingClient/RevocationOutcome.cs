namespace AuthingClient;

/// <summary>
/// What happened to a token's revocation: the one vocabulary of the client, its exceptions, its
/// observers, its logs, traces and metrics (tag <c>authing.outcome</c>) and the CLI.
/// </summary>
/// <remarks>
/// <see cref="Revoked"/> and <see cref="NotRevoked"/> are Authing's answers and what
/// <c>RevokeTokenAsync</c> returns (<see langword="true"/> and <see langword="false"/>);
/// <see cref="Refused"/>, <see cref="Timeout"/> and <see cref="TransportError"/> leave the token
/// possibly valid and come with an <see cref="AuthingRevocationException"/>.
/// </remarks>
public enum RevocationOutcome
{
    /// <summary>No outcome is known: nothing was sent, or the value was never set. The client never reports it.</summary>
    Unknown = 0,

    /// <summary>Authing answered with success: the token is revoked, or was already invalid or unknown (RFC 7009 §2.2).</summary>
    Revoked = 1,

    /// <summary>Authing answered <c>unsupported_token_type</c>: it does not revoke that kind of token, which stays valid until it expires.</summary>
    NotRevoked = 2,

    /// <summary>Authing answered with an error or an unexpected status (an OAuth error, a 5xx, a redirect…): the token may still be valid.</summary>
    Refused = 3,

    /// <summary>No answer came in time: the token may still be valid.</summary>
    Timeout = 4,

    /// <summary>The request could not be sent or the answer could not be read (connection refused or reset, a broken response): the token may still be valid.</summary>
    TransportError = 5,

    /// <summary>The caller cancelled the call; seen only in telemetry, since the caller gets an <see cref="OperationCanceledException"/>.</summary>
    Canceled = 6,
}
