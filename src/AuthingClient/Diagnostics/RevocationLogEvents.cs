using Microsoft.Extensions.Logging;

namespace AuthingClient.Diagnostics;

/// <summary>
/// The client's log events, each with its own event id: the call at Authing (1–4) and the local
/// caches told of it (10). Every event names the token by its fingerprint only; no event has a
/// parameter that could carry the token or the secret.
/// </summary>
internal static partial class RevocationLogEvents
{
    [LoggerMessage(EventId = 1, EventName = "RevocationStarting", Level = LogLevel.Debug,
        Message = "Revoking token {TokenHash} at {Protocol} revocation endpoint")]
    public static partial void Starting(ILogger logger, string tokenHash, string protocol);

    [LoggerMessage(EventId = 2, EventName = "AttemptFailed", Level = LogLevel.Warning,
        Message = "Revocation attempt {Attempt} for token {TokenHash} failed (status {StatusCode}, timeout {IsTimeout}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, int attempt, string tokenHash, int? statusCode, bool isTimeout, double delayMs);

    [LoggerMessage(EventId = 3, EventName = "RevocationFinished", Level = LogLevel.Information,
        Message = "Revocation of token {TokenHash} finished: {Outcome}, status {StatusCode}, {Attempts} attempt(s), {DurationMs} ms")]
    public static partial void Finished(ILogger logger, string tokenHash, string outcome, int? statusCode, int attempts, double durationMs);

    [LoggerMessage(EventId = 4, EventName = "RevocationFailed", Level = LogLevel.Warning,
        Message = "Revocation of token {TokenHash} not confirmed: {Outcome}, status {StatusCode}, error {Error}, {Attempts} attempt(s), {DurationMs} ms")]
    public static partial void Failed(ILogger logger, string tokenHash, string outcome, int? statusCode, string? error, int attempts, double durationMs);

    [LoggerMessage(EventId = 10, EventName = "LocalRevocationFailed", Level = LogLevel.Warning,
        Message = "Token {TokenHash} may still be accepted locally: {Target} failed")]
    public static partial void LocalRevocationFailed(ILogger logger, string tokenHash, string target, Exception exception);
}
