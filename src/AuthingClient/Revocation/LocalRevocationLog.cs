using Microsoft.Extensions.Logging;

namespace AuthingClient.Revocation;

/// <summary>Log events about local caches; like every event of the client, they name the token by its fingerprint only.</summary>
internal static partial class LocalRevocationLog
{
    [LoggerMessage(EventId = 10, EventName = "LocalRevocationFailed", Level = LogLevel.Warning,
        Message = "Token {TokenHash} may still be accepted locally: {Target} failed")]
    public static partial void Failed(ILogger logger, string tokenHash, string target, Exception exception);
}
