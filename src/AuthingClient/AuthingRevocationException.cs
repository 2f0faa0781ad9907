using System.Net;

namespace AuthingClient;

/// <summary>
/// Token revocation was not confirmed: Authing refused the request with an OAuth error, answered
/// with an unexpected status, or could not be reached. The token may still be valid.
/// </summary>
/// <remarks>
/// The message and properties never contain the token or the client secret.
/// <see cref="Error"/>, <see cref="ErrorDescription"/> and <see cref="ErrorUri"/> are the server's
/// RFC 6749 §5.2 fields when its answer carried them.
/// </remarks>
public class AuthingRevocationException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public AuthingRevocationException()
        : this("Token revocation was not confirmed.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">What went wrong.</param>
    public AuthingRevocationException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public AuthingRevocationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal AuthingRevocationException(string message, RevocationFailure failure, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = failure.Kind;
        StatusCode = failure.StatusCode;
        Error = failure.Error;
        ErrorDescription = failure.ErrorDescription;
        ErrorUri = failure.ErrorUri;
        Attempts = failure.Attempts;
        ServerResponded = failure.ServerResponded;
    }

    /// <summary>What kind of failure this is.</summary>
    public RevocationFailureKind Kind { get; }

    /// <summary>The HTTP status of the last answer, or <see langword="null"/> when none came.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The OAuth <c>error</c> code (e.g. <c>invalid_client</c>), when the answer carried one.</summary>
    public string? Error { get; }

    /// <summary>The OAuth <c>error_description</c>, when the answer carried one.</summary>
    public string? ErrorDescription { get; }

    /// <summary>The OAuth <c>error_uri</c>, when the answer carried one.</summary>
    public string? ErrorUri { get; }

    /// <summary>How many HTTP attempts were made (more than one when transient failures were retried).</summary>
    public int Attempts { get; } = 1;

    /// <summary>Whether the server answered at least one attempt with an HTTP response.</summary>
    public bool ServerResponded { get; }
}
