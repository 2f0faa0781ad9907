using System.Net;

namespace AuthingClient.Transport;

/// <summary>
/// Turns what ended a revocation without an answer to interpret into the public failure: a
/// time-out, a transport failure, or Authing's refusal (already an <see cref="AuthingRevocationException"/>).
/// </summary>
internal static class UnconfirmedRevocation
{
    /// <summary>
    /// The failure the caller gets for <paramref name="exception"/>, or <see langword="null"/> for
    /// the caller's own cancellation and anything else that is not a revocation's failure: those
    /// propagate as they are.
    /// </summary>
    /// <param name="exception">What ended the revocation.</param>
    /// <param name="attempts">How many attempts were sent.</param>
    /// <param name="lastStatus">The status of the last answer, if any came.</param>
    /// <param name="callerToken">The caller's cancellation token.</param>
    public static AuthingRevocationException? From(Exception exception, int attempts, HttpStatusCode? lastStatus, CancellationToken callerToken) => exception switch
    {
        AuthingRevocationException refused => refused,
        TimeoutException => NotConfirmed(RevocationOutcome.Timeout, "no answer came in time", exception, attempts, lastStatus),

        // A cancellation nobody asked for is a time-out somewhere below (e.g. HttpClient.Timeout).
        OperationCanceledException when !callerToken.IsCancellationRequested => NotConfirmed(RevocationOutcome.Timeout, "no answer came in time", exception, attempts, lastStatus),
        HttpRequestException => NotConfirmed(RevocationOutcome.TransportError, "the request could not be sent or its answer could not be read", exception, attempts, lastStatus),
        _ => null,
    };

    private static AuthingRevocationException NotConfirmed(RevocationOutcome outcome, string reason, Exception inner, int attempts, HttpStatusCode? lastStatus)
    {
        var failure = new RevocationFailure(outcome, lastStatus, null, null, null, attempts);
        var tries = attempts > 1 ? $" after {attempts} attempts" : string.Empty;
        var last = lastStatus is { } status ? $"; the last answer was HTTP {(int)status}" : "; the server never answered";
        return new AuthingRevocationException($"Token revocation was not confirmed: {reason}{tries}{last}. The token may still be valid.", failure, inner);
    }
}
