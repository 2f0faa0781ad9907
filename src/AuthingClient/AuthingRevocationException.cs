using System.Diagnostics.CodeAnalysis;
using System.Net;
using AuthingClient.Diagnostics;

namespace AuthingClient;

/// <summary>
/// A revocation did not fully take effect: Authing refused it or could not be reached
/// (<see cref="Outcome"/> is <see cref="RevocationOutcome.Refused"/>, <see cref="RevocationOutcome.Timeout"/>
/// or <see cref="RevocationOutcome.TransportError"/>), or a local cache could not be told
/// (<see cref="ObserverFailures"/> is not empty, whatever Authing answered). The token may still be accepted.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Outcome"/> is what Authing made of the request. It is <see cref="RevocationOutcome.Revoked"/>
/// or <see cref="RevocationOutcome.NotRevoked"/> only when Authing answered but a revocation observer
/// or the revoked-token registry failed: then <c>RevokeTokenAsync</c> would have returned
/// <see langword="true"/> or <see langword="false"/>, and <see cref="Exception.InnerException"/> is an
/// <see cref="AggregateException"/> of <see cref="ObserverFailures"/>. Otherwise the inner exception
/// is what made the call fail (a time-out, a network error), if anything did.
/// </para>
/// <para>
/// The message and properties never contain the token or the client secret. <see cref="Error"/>,
/// <see cref="ErrorDescription"/> and <see cref="ErrorUri"/> are the server's RFC 6749 §5.2 fields
/// when its answer carried them.
/// </para>
/// </remarks>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Every instance states its outcome; a constructor without one would make an exception that contradicts itself.")]
public sealed class AuthingRevocationException : Exception
{
    /// <summary>
    /// Creates the exception a client would throw, for tests of code that handles it: one attempt,
    /// no OAuth error fields.
    /// </summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="outcome">What Authing made of the request: <see cref="RevocationOutcome.Refused"/>, <see cref="RevocationOutcome.Timeout"/> or <see cref="RevocationOutcome.TransportError"/>; or <see cref="RevocationOutcome.Revoked"/> or <see cref="RevocationOutcome.NotRevoked"/> with <paramref name="observerFailures"/>.</param>
    /// <param name="statusCode">The HTTP status of Authing's answer, if one came; required with <see cref="RevocationOutcome.Refused"/>, and then not a success.</param>
    /// <param name="observerFailures">What local caches threw; required with <see cref="RevocationOutcome.Revoked"/> and <see cref="RevocationOutcome.NotRevoked"/>.</param>
    /// <exception cref="ArgumentException">The arguments describe no failure, or contradict each other.</exception>
    public AuthingRevocationException(string message, RevocationOutcome outcome, HttpStatusCode? statusCode = null, IReadOnlyList<Exception>? observerFailures = null)
        : base(message, InnerOf(observerFailures))
    {
        ArgumentException.ThrowIfNullOrEmpty(message);

        // A copy: the caller's list may change later, the exception's facts may not.
        observerFailures = observerFailures is null ? [] : [.. observerFailures];
        var answered = outcome is RevocationOutcome.Revoked or RevocationOutcome.NotRevoked;
        if (!answered && !outcome.IsFailure())
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "An exception's outcome is Refused, Timeout, TransportError, or (with observer failures) Revoked or NotRevoked.");
        }

        if (answered && observerFailures.Count == 0)
        {
            throw new ArgumentException("Authing answered: without observer failures nothing failed.", nameof(observerFailures));
        }

        if (outcome == RevocationOutcome.Refused && (statusCode is null || (int)statusCode.Value is >= 200 and < 300))
        {
            throw new ArgumentException("A refusal comes with the status Authing refused with, which is not a success.", nameof(statusCode));
        }

        Outcome = outcome;
        StatusCode = statusCode;
        ObserverFailures = observerFailures;
    }

    internal AuthingRevocationException(string message, RevocationFailure failure, Exception? innerException = null, IReadOnlyList<Exception>? observerFailures = null)
        : base(message, innerException)
    {
        Outcome = failure.Outcome;
        StatusCode = failure.StatusCode;
        Error = failure.Error;
        ErrorDescription = failure.ErrorDescription;
        ErrorUri = failure.ErrorUri;
        Attempts = failure.Attempts;
        RetryAfter = failure.RetryAfter;
        ObserverFailures = observerFailures ?? [];
    }

    /// <summary>What Authing made of the request (see the remarks): never <see cref="RevocationOutcome.Unknown"/> or <see cref="RevocationOutcome.Canceled"/>.</summary>
    public RevocationOutcome Outcome { get; }

    /// <summary>The HTTP status of Authing's last answer to a failed call, or <see langword="null"/> when none came or when Authing answered and only a local cache failed.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The OAuth <c>error</c> code (e.g. <c>invalid_client</c>), when the answer carried one.</summary>
    public string? Error { get; }

    /// <summary>The OAuth <c>error_description</c>, when the answer carried one.</summary>
    public string? ErrorDescription { get; }

    /// <summary>The OAuth <c>error_uri</c>, when the answer carried one.</summary>
    public string? ErrorUri { get; }

    /// <summary>How many HTTP attempts were made (more than one when transient failures were retried).</summary>
    public int Attempts { get; } = 1;

    /// <summary>
    /// The wait Authing asked for in its refusal (<c>Retry-After</c>, RFC 9110 §10.2.3), e.g. with a
    /// 429 or 503 still refused after the retries; <see langword="null"/> when it asked for none.
    /// A caller that tries the token again later should wait at least this long.
    /// </summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>What each failing revocation observer or the revoked-token registry threw, in no particular order; empty when every local cache was told.</summary>
    public IReadOnlyList<Exception> ObserverFailures { get; }

    /// <summary>The same failure at Authing, with local failures added to it.</summary>
    internal AuthingRevocationException WithObserverFailures(IReadOnlyList<Exception> failures) =>
        new($"{Message} In addition a local cache may still accept the token: {Describe(failures)}", Facts, InnerException, failures);

    /// <summary>Authing answered (<paramref name="outcome"/> is revoked or not revoked), but a local cache failed.</summary>
    internal static AuthingRevocationException AfterAnswer(RevocationOutcome outcome, int attempts, IReadOnlyList<Exception> failures)
    {
        var remote = outcome == RevocationOutcome.Revoked
            ? "The token is revoked at Authing, but a local cache may still accept it"
            : "Authing did not revoke the token (unsupported_token_type: it stays valid at Authing until it expires), and a local cache may still accept it";
        var facts = new RevocationFailure(outcome, StatusCode: null, Error: null, ErrorDescription: null, ErrorUri: null, attempts);
        return new($"{remote}: {Describe(failures)}", facts, InnerOf(failures), failures);
    }

    private RevocationFailure Facts => new(Outcome, StatusCode, Error, ErrorDescription, ErrorUri, Attempts, RetryAfter);

    private static AggregateException? InnerOf(IReadOnlyList<Exception>? failures) =>
        failures is { Count: > 0 } ? new AggregateException(failures) : null;

    private static string Describe(IReadOnlyList<Exception> failures) =>
        failures.Count == 1
            ? "1 local revocation observer failed (see ObserverFailures)."
            : $"{failures.Count} local revocation observers failed (see ObserverFailures).";
}
