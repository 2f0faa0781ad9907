using System.Net;
using AuthingClient.Resilience;

namespace AuthingClient.Transport;

/// <summary>
/// Turns Authing's answer into the result of <see cref="AuthenticationClient.RevokeTokenAsync(string, CancellationToken)"/>.
/// </summary>
internal static class RevocationResponse
{
    private const string UnsupportedTokenType = "unsupported_token_type";

    /// <summary>
    /// Any 2xx is <see langword="true"/> whatever the body (RFC 7009 §2.2; Authing's body changed
    /// over time, so it is never parsed). 400 <c>unsupported_token_type</c> is <see langword="false"/>:
    /// the server does not revoke that kind of token (RFC 7009 §2.2.1). Anything else throws.
    /// </summary>
    /// <param name="response">Authing's answer to the last attempt.</param>
    /// <param name="redactor">Scrubs the token and the secret from the server's text.</param>
    /// <param name="attempts">How many attempts were sent.</param>
    /// <param name="timeProvider">The clock a <c>Retry-After</c> date is read against.</param>
    /// <param name="cancellationToken">Cancels reading an error body.</param>
    public static ValueTask<bool> InterpretAsync(HttpResponseMessage response, SecretRedactor redactor, int attempts, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        response.IsSuccessStatusCode
            ? new(true)
            : new(InterpretRefusalAsync(response, redactor, attempts, timeProvider, cancellationToken));

    // Only an answer other than 2xx has a body worth reading.
    private static async Task<bool> InterpretRefusalAsync(HttpResponseMessage response, SecretRedactor redactor, int attempts, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var body = await OAuthErrorBody.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.BadRequest && body.Error == UnsupportedTokenType)
        {
            return false;
        }

        var failure = new RevocationFailure(
            RevocationOutcome.Refused,
            response.StatusCode,
            redactor.Redact(body.Error),
            redactor.Redact(body.ErrorDescription),
            redactor.Redact(body.ErrorUri),
            attempts,
            RetryAfter.Read(response, timeProvider));
        throw new AuthingRevocationException(Describe(failure, response.Content?.Headers.ContentType?.MediaType), failure);
    }

    private static string Describe(RevocationFailure failure, string? mediaType)
    {
        var status = (int)failure.StatusCode!.Value;
        var statusText = $"HTTP {status} ({failure.StatusCode})";
        var retried = failure.Attempts > 1 ? $" after {failure.Attempts} attempts" : string.Empty;

        if (status is >= 300 and < 400)
        {
            return $"Token revocation was not confirmed: Authing answered {statusText}{retried}. Redirects are not followed, because they would send the client secret and the token to another address; check AppHost.";
        }

        if (failure.Error is not null)
        {
            var description = failure.ErrorDescription is null ? string.Empty : $": {failure.ErrorDescription}";
            return $"Authing refused the token revocation with {statusText}{retried}, error '{failure.Error}'{description}";
        }

        var what = mediaType is null ? "no OAuth error" : $"no OAuth error (content type {mediaType})";
        return $"Token revocation was not confirmed: Authing answered {statusText}{retried} with {what}.";
    }
}
