namespace AuthingClient;

/// <summary>Why a revocation was not confirmed; see <see cref="AuthingRevocationException.Kind"/>.</summary>
public enum RevocationFailureKind
{
    /// <summary>The server answered with a non-success status (an OAuth error, a 5xx, a redirect…).</summary>
    ErrorResponse = 0,

    /// <summary>No answer came in time.</summary>
    Timeout = 1,

    /// <summary>The request could not be sent or the answer could not be read (connection refused or reset, a broken response).</summary>
    Transport = 2,

    /// <summary>
    /// Authing answered, but a revocation observer or the revoked-token registry failed, so a local
    /// cache may still accept the token (<see cref="Revocation.RevocationObserverException"/>).
    /// </summary>
    LocalPropagation = 3,
}
