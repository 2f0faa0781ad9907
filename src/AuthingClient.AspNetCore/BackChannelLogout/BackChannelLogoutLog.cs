using Microsoft.Extensions.Logging;

namespace AuthingClient.AspNetCore.BackChannelLogout;

/// <summary>The back-channel logout receiver's log events: never the logout token.</summary>
internal static partial class BackChannelLogoutLog
{
    [LoggerMessage(EventId = 311, EventName = "BackChannelLogoutAccepted", Level = LogLevel.Information,
        Message = "Back-channel logout from {Issuer}: revoked the user's tokens: {UserRevoked}, the session's tokens: {SessionRevoked}")]
    public static partial void Accepted(ILogger logger, string issuer, bool userRevoked, bool sessionRevoked);

    [LoggerMessage(EventId = 312, EventName = "BackChannelLogoutRefused", Level = LogLevel.Warning,
        Message = "Refused a back-channel logout request: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);
}
