namespace AuthingClient.Revocation;

/// <summary>
/// A revocation reached Authing (or was tried), but telling a local cache failed: an
/// <see cref="IRevocationObserver"/> threw, or the <see cref="IRevokedTokenRegistry"/> could not be
/// marked. A local cache may still accept the token.
/// </summary>
/// <remarks>
/// <para>
/// It derives from <see cref="AuthingRevocationException"/> because, to the caller, it means the
/// same thing: the revocation has not fully taken effect. Code that already catches
/// <see cref="AuthingRevocationException"/> stays fail-safe; code that cares catches this type first
/// and reads <see cref="RemoteResult"/>.
/// </para>
/// <para>
/// <see cref="RemoteResult"/> is what <c>RevokeTokenAsync</c> would have returned:
/// <see langword="true"/> (revoked at Authing), <see langword="false"/> (<c>unsupported_token_type</c>),
/// or <see langword="null"/> when the call failed too; then <see cref="RemoteFailure"/> is that
/// failure and the inherited <see cref="AuthingRevocationException.StatusCode"/>,
/// <see cref="AuthingRevocationException.Error"/>… are its. When Authing answered, those are empty.
/// <see cref="Exception.InnerException"/> is an <see cref="AggregateException"/> of
/// <see cref="ObserverFailures"/>.
/// </para>
/// </remarks>
public sealed class RevocationObserverException : AuthingRevocationException
{
    /// <summary>Creates an exception with a default message.</summary>
    public RevocationObserverException()
        : this("A local revocation observer failed: a local cache may still accept the token.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">What went wrong.</param>
    public RevocationObserverException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public RevocationObserverException(string message, Exception? innerException)
        : base(message, innerException)
    {
        ObserverFailures = innerException switch
        {
            null => [],
            AggregateException aggregate => aggregate.InnerExceptions,
            _ => [innerException],
        };
    }

    // Authing answered; only the local propagation failed, so that is the kind of failure.
    private RevocationObserverException(string message, bool remoteResult, IReadOnlyList<Exception> failures)
        : base(message, new RevocationFailure(RevocationFailureKind.LocalPropagation, null, null, null, null, Attempts: 1, ServerResponded: true), new AggregateException(failures))
    {
        RemoteResult = remoteResult;
        ObserverFailures = failures;
    }

    private RevocationObserverException(string message, AuthingRevocationException remoteFailure, IReadOnlyList<Exception> failures)
        : base(message, Facts(remoteFailure), new AggregateException(failures))
    {
        RemoteFailure = remoteFailure;
        ObserverFailures = failures;
    }

    /// <summary>
    /// What Authing answered: <see langword="true"/> revoked, <see langword="false"/> not revoked
    /// (<c>unsupported_token_type</c>), <see langword="null"/> not confirmed (see <see cref="RemoteFailure"/>).
    /// </summary>
    public bool? RemoteResult { get; }

    /// <summary>Why the call to Authing failed, when it did; otherwise <see langword="null"/>.</summary>
    public AuthingRevocationException? RemoteFailure { get; }

    /// <summary>What each failing observer (or the registry) threw, in no particular order.</summary>
    public IReadOnlyList<Exception> ObserverFailures { get; }

    internal static RevocationObserverException AfterAnswer(bool remoteResult, IReadOnlyList<Exception> failures)
    {
        var remote = remoteResult
            ? "The token is revoked at Authing, but a local cache may still accept it"
            : "Authing did not revoke the token (unsupported_token_type: it stays valid at Authing until it expires), and a local cache may still accept it";
        return new RevocationObserverException($"{remote}: {Describe(failures)}", remoteResult, failures);
    }

    internal static RevocationObserverException AfterFailure(AuthingRevocationException remoteFailure, IReadOnlyList<Exception> failures) =>
        new($"{remoteFailure.Message} In addition a local cache may still accept the token: {Describe(failures)}", remoteFailure, failures);

    private static string Describe(IReadOnlyList<Exception> failures) =>
        failures.Count == 1
            ? "1 local revocation observer failed (see InnerException)."
            : $"{failures.Count} local revocation observers failed (see InnerException).";

    private static RevocationFailure Facts(AuthingRevocationException e) =>
        new(e.Kind, e.StatusCode, e.Error, e.ErrorDescription, e.ErrorUri, e.Attempts, e.ServerResponded);
}
