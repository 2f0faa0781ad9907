using System.Net;
using AuthingClient.Cli.Pacing;
using AuthingClient.Diagnostics;
using AuthingClient.Transport;

namespace AuthingClient.Cli.Revocation;

/// <summary>
/// Revokes one token and turns every way that can end into a <see cref="TokenOutcome"/>, so one
/// token's failure never stops the others. Only the caller's cancellation escapes.
/// </summary>
internal static class TokenRevoker
{
    private const string UnsupportedTokenType = "unsupported_token_type";

    /// <summary>The error of a token Authing answered for but the <c>--registry</c> did not take.</summary>
    private const string RegistryError = "registry_error";

    /// <summary>Authing answered <c>unsupported_token_type</c>: the token stays valid.</summary>
    public static TokenOutcome NotRevoked { get; } = new(
        RevocationOutcome.NotRevoked,
        HttpStatusCode.BadRequest,
        UnsupportedTokenType,
        "not revoked: Authing does not revoke this kind of token (unsupported_token_type); it stays valid until it expires.");

    /// <summary>Revokes <paramref name="token"/>; never throws except for the caller's cancellation.</summary>
    /// <param name="client">The client to revoke with.</param>
    /// <param name="token">The token, exactly as given.</param>
    /// <param name="hint">The token_type_hint to send, if any.</param>
    /// <param name="secret">Removed from any exception text that is reported.</param>
    /// <param name="cancellationToken">The run's cancellation (Ctrl-C).</param>
    public static async Task<TokenOutcome> RevokeAsync(AuthenticationClient client, string token, TokenTypeHint? hint, string? secret, CancellationToken cancellationToken)
    {
        try
        {
            return await client.RevokeTokenAsync(token, hint, cancellationToken).ConfigureAwait(false)
                ? TokenOutcome.Revoked
                : NotRevoked;
        }
        catch (AuthingRevocationException ex) when (!ex.Outcome.IsFailure())
        {
            // Authing answered, but the --registry mark failed: the fleet may still accept the token.
            return new TokenOutcome(ex.Outcome, ex.StatusCode, RegistryError, OneLine($"{ex.Message} {string.Join(" ", ex.ObserverFailures.Select(failure => failure.Message))}"), RegistryFailed: true);
        }
        catch (AuthingRevocationException ex)
        {
            var throttled = ex.Outcome == RevocationOutcome.Refused && ex.StatusCode is { } status && RunPace.IsThrottling(status, ex.RetryAfter);
            return new TokenOutcome(ex.Outcome, ex.StatusCode, ex.Error ?? ex.Outcome.ToTagValue(), OneLine(ex.Message), Throttled: throttled);
        }
        catch (ArgumentException ex)
        {
            // The library checks the token before any I/O; its message describes, never echoes, the token.
            // Without " (Parameter 'token')": the reader gave a token, not a parameter.
            var message = ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", string.Empty, StringComparison.Ordinal);
            return TokenOutcome.Invalid(OneLine(message));
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new TokenOutcome(RevocationOutcome.Timeout, Status: null, RevocationOutcome.Timeout.ToTagValue(), OneLine($"not confirmed: {Redact(ex.Message, token, secret)}"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The library promises AuthingRevocationException for every failure after validation;
            // anything else (e.g. a transport exception it did not wrap) still means "not confirmed",
            // never a crash that would skip the remaining tokens or exit with a misleading code.
            var transport = ex is HttpRequestException || ex.InnerException is HttpRequestException;
            return new TokenOutcome(
                transport ? RevocationOutcome.TransportError : RevocationOutcome.Unknown,
                Status: null,
                transport ? RevocationOutcome.TransportError.ToTagValue() : "unexpected_error",
                OneLine($"not confirmed: {ex.GetType().Name}: {Redact(ex.Message, token, secret)}"));
        }
    }

    /// <summary>The library's own redactor: the same masking as its exception messages and logs.</summary>
    private static string Redact(string text, string token, string? secret) => new SecretRedactor(token, secret).Redact(text) ?? string.Empty;

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
